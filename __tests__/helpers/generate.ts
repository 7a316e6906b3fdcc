import type {
  FakeIdentity,
  FakeMember,
  FakeOrganization
} from '../mock/github.js'

/** An organization of `size` members, every one with a healthy identity. */
export function generatedOrganization(
  login: string,
  size: number,
  shape: (i: number, member: FakeMember, identity: FakeIdentity) => void = () =>
    undefined
): FakeOrganization {
  const members: FakeMember[] = []
  const identities: FakeIdentity[] = []
  for (let i = 0; i < size; i++) {
    const user = `user-${String(i).padStart(6, '0')}`
    const member: FakeMember = {
      login: user,
      name: `User ${i}`,
      role: i % 50 === 0 ? 'ADMIN' : 'MEMBER'
    }
    const identity: FakeIdentity = {
      guid: `guid-${i}`,
      nameId: `${user}@example.com`,
      scimUsername: `${user}@example.com`,
      emails: [`${user}@example.com`],
      login: user
    }
    shape(i, member, identity)
    members.push(member)
    identities.push(identity)
  }
  return { login, members, identities }
}
