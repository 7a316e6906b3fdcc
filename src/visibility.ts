import type { GitHubClient } from './github/client.js'
import type { IdentityDetails, Repository } from './inputs.js'

/** Whether identity details may be shown, and why, for the log. */
export interface DetailsDecision {
  show: boolean
  reason: string
}

/**
 * Decides whether NameIDs, SCIM userNames and e-mails may be shown. With
 * `auto`, they are shown only where the repository is known not to be
 * public, since anyone can read a public repository's summaries and logs.
 */
export async function detailsAllowed(
  setting: IdentityDetails,
  repository: Repository | undefined,
  client: GitHubClient
): Promise<DetailsDecision> {
  if (setting !== 'auto') {
    const show = setting === 'always'
    return { show, reason: `identity-details is ${setting}` }
  }
  if (!repository) {
    return { show: false, reason: 'the workflow repository is unknown' }
  }
  const name = `${repository.owner}/${repository.repo}`
  try {
    const { data } = await client.rest.repos.get({
      owner: repository.owner,
      repo: repository.repo
    })
    const visibility = data.visibility ?? (data.private ? 'private' : 'public')
    return { show: visibility !== 'public', reason: `${name} is ${visibility}` }
  } catch {
    return {
      show: false,
      reason: `the visibility of ${name} could not be read`
    }
  }
}
