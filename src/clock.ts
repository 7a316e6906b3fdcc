import { InputError } from './errors.js'

/**
 * The clock that stamps reports. When SOURCE_DATE_EPOCH is set (the
 * reproducible-builds convention: seconds since 1970), every reading is that
 * instant, so the same data yields byte-identical reports; the README's
 * sample summary is made that way. Unset, it is the wall clock.
 */
export function reportClock(epoch: string | undefined): () => Date {
  const value = (epoch ?? '').trim()
  if (value === '') return () => new Date()
  if (!/^\d{1,12}$/.test(value)) {
    throw new InputError(
      'SOURCE_DATE_EPOCH',
      `SOURCE_DATE_EPOCH is ${JSON.stringify(epoch)}; set it to a whole number of seconds since 1970, or unset it.`
    )
  }
  const instant = Number(value) * 1000
  return () => new Date(instant)
}
