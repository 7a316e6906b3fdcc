import type { GitHubClient } from './github/client.js'
import type { IdentityDetails, Repository } from './inputs.js'
import type { Logger } from './logger.js'

/**
 * Decides whether NameIDs, SCIM userNames and e-mails may be shown. With
 * `auto`, they are shown only where the repository is known not to be
 * public, since anyone can read a public repository's summaries and logs.
 */
export async function detailsAllowed(
  setting: IdentityDetails,
  repository: Repository | undefined,
  client: GitHubClient,
  log: Logger
): Promise<boolean> {
  if (setting !== 'auto') return setting === 'always'
  if (!repository) {
    log.info('Hiding identity details: the workflow repository is unknown.')
    return false
  }
  try {
    const { data } = await client.rest.repos.get({
      owner: repository.owner,
      repo: repository.repo
    })
    const visibility = data.visibility ?? (data.private ? 'private' : 'public')
    log.info(
      `${repository.owner}/${repository.repo} is ${visibility}; identity details are ${visibility === 'public' ? 'hidden' : 'shown'}.`
    )
    return visibility !== 'public'
  } catch {
    log.info(
      `Hiding identity details: the visibility of ${repository.owner}/${repository.repo} could not be read.`
    )
    return false
  }
}
