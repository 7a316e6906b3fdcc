import { reportClock } from '../src/clock.js'
import { InputError } from '../src/errors.js'

describe('the report clock', () => {
  it('reads the wall clock when SOURCE_DATE_EPOCH is unset or empty', () => {
    for (const epoch of [undefined, '', ' ']) {
      const before = Date.now()
      const reading = reportClock(epoch)().getTime()
      expect(reading).toBeGreaterThanOrEqual(before)
      expect(reading).toBeLessThanOrEqual(Date.now())
    }
  })

  it('stands still at SOURCE_DATE_EPOCH, in seconds since 1970', () => {
    const now = reportClock('1767593820')
    expect(now().toISOString()).toBe('2026-01-05T06:17:00.000Z')
    expect(now().getTime()).toBe(now().getTime())
  })

  it.each(['yesterday', '-1', '1.5', '1e9'])(
    'rejects SOURCE_DATE_EPOCH=%j with a message that quotes it',
    (epoch) => {
      expect(() => reportClock(epoch)).toThrow(
        new InputError(
          'SOURCE_DATE_EPOCH',
          `SOURCE_DATE_EPOCH is ${JSON.stringify(epoch)}; set it to a whole number of seconds since 1970, or unset it.`
        )
      )
    }
  )
})
