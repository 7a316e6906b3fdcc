/** The text of `scim-audit --help`; every flag of args.ts appears here. */
export const HELP = `Usage: scim-audit --organization LOGIN [options]

Audits GitHub Enterprise Cloud organizations for members whose SAML external
identity lacks SCIM metadata, so SCIM will never deprovision them. It only
reads: nothing is written to GitHub.

The token comes from GH_TOKEN, or else GITHUB_TOKEN: an organization owner's
classic token with read:org (and read:enterprise with --enterprise),
authorized for SSO, or a GitHub App installation token with Members: read.
\`gh auth token\` prints one when gh is signed in with read:org.

Options:
  --organization LOGIN     organization to audit; repeat the flag or separate
                           logins by commas to audit several; with
                           --enterprise, "*" audits every organization
  --enterprise SLUG        enterprise whose SAML provider holds the
                           identities, when SAML is set on the enterprise
  --exempt-users LIST      logins or globs ("*-bot", "svc-*"), comma
                           separated, counted as exempt instead of missing
  --fail-on WHEN           never (default), missing or any: when to exit 1
                           after the report is written
  --identity-details WHEN  auto (default), always or never: whether NameIDs,
                           SCIM userNames and e-mails are shown; a terminal
                           is not public, so auto shows them
  --api-url URL            REST API base URL (default: GITHUB_API_URL, or
                           https://api.github.com)
  --format FORMAT          text (default), markdown (the job summary), json
                           (the action's JSON report) or csv (one row per
                           finding)
  -o, --output FILE        write the report to FILE instead of stdout
  -h, --help               print this help

Progress goes to stderr, the report to stdout or FILE.

Exit status: 0 when the audit ran (and --fail-on was not met), 1 when it
failed or --fail-on was met, 2 for a bad flag or value.

Example:
  GH_TOKEN=$(gh auth token) scim-audit --organization acme-corp \\
    --exempt-users '*-bot' --format csv --output scim-audit.csv
`
