// The street's profile before anything is typed: every field of StreetProfile, empty.
import type { StreetField } from '../bindings/StreetField'

export const emptyStreetProfile = (): Record<StreetField, string> => ({
  name: '',
  short_name: '',
  party_org: '',
  leader: '',
  contact: '',
  phone: '',
  address: '',
  meeting_name: '',
  number_prefix: '',
  issuer: '',
})
