/** Plain data the audit works on: what GitHub says about one organization. */

export type Role = 'ADMIN' | 'MEMBER'

export interface Member {
  login: string
  name: string | null
  role: Role
}

export interface Identity {
  guid: string
  /** SAML NameID, as the identity provider sent it. */
  nameId: string | null
  /** SCIM userName; null when the identity carries no SCIM metadata. */
  scimUsername: string | null
  /** Display name from SCIM (given and family name), when present. */
  scimName: string | null
  /** E-mails from SCIM, or from SAML when SCIM has none. */
  emails: string[]
  /** Login of the linked account; null when nobody claimed the identity. */
  login: string | null
}

/** Where the identities were read from. */
export type IdentitySource = 'organization' | 'enterprise'

export interface Roster {
  organization: string
  members: Member[]
  identities: Identity[]
  source: IdentitySource
  /** The enterprise slug when `source` is `enterprise`. */
  enterprise?: string
}
