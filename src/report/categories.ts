import type { Category } from '../classify.js'

export interface CategoryText {
  /** Short heading for the category's table. */
  title: string
  /** Who lands in the category. */
  meaning: string
  /** What an owner does about it. */
  remedy: string
}

/** The wording of each category, shared by every report format. */
export const CATEGORY_TEXT: Record<Category, CategoryText> = {
  'saml-without-scim': {
    title: 'Linked by SAML, no SCIM metadata',
    meaning:
      'Member whose linked identity has no SCIM metadata: SCIM will not remove them when they leave.',
    remedy:
      're-provision the user from the IdP (Okta: unassign and reassign the app; Entra ID: provision on demand)'
  },
  'no-identity': {
    title: 'No linked identity',
    meaning:
      'Member with no linked external identity: they never signed in through SSO, or were added by hand.',
    remedy:
      'assign them to the app in the IdP, or remove them from the organization'
  },
  'unlinked-identity': {
    title: 'Identity not linked to an account',
    meaning:
      'Identity with SCIM metadata but no linked account: an invitation not yet accepted, or SSO never completed.',
    remedy:
      'ask the person to accept the invitation and sign in through SSO, or unassign them in the IdP'
  },
  'non-member-identity': {
    title: 'Identity of a non-member',
    meaning:
      'Identity linked to an account that is not a member: removed by hand while the IdP still provisions them.',
    remedy:
      'deprovision them in the IdP, or add them back if the removal was a mistake'
  },
  'name-mismatch': {
    title: 'NameID and SCIM userName differ',
    meaning:
      'Linked identity whose SAML NameID and SCIM userName differ: SCIM attaches only when the two match.',
    remedy:
      "fix the IdP's attribute mapping so NameID and userName carry the same value"
  }
}

/** Remediation steps by identity provider, shown under the tables. */
export const REMEDIATION_STEPS: { provider: string; steps: string[] }[] = [
  {
    provider: 'Okta',
    steps: [
      'In the GitHub app of Okta, open Assignments and unassign the user, then assign them again; Okta then pushes the user with SCIM.',
      "Check that the app's Provisioning tab has Create Users and Deactivate Users enabled, and that the userName mapping equals the NameID."
    ]
  },
  {
    provider: 'Microsoft Entra ID',
    steps: [
      'In the enterprise application, open Provisioning and use Provision on demand for the user.',
      'Check that the user is assigned to the application and that userPrincipalName (or the attribute you use as NameID) maps to userName.'
    ]
  },
  {
    provider: 'Any identity provider',
    steps: [
      "After re-provisioning, the member's SSO page on GitHub shows SCIM identity data; run the audit again to confirm.",
      'Members who should not be in the organization can be removed directly; those the IdP should manage must be assigned there first.'
    ]
  }
]
