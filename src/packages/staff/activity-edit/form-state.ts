import type { ActivityView } from '../../../domain/contracts/activity.contract'
import type { ActionCall } from '../../../domain/contracts'
import { DEFAULT_SIGNIN_MARGINS } from '../../../domain/signin-window'
import { chinaTime, timeFormatMessage, timeText } from '../activity-common/time-text'

// The activity form as the page edits it: strings as typed, times as China
// wall-clock text (time-text.ts). `toFields` turns it into what the activity
// contract's create/update read; a time that is not in that shape gets its
// own message here, since the contract's names the ISO form.

export interface ActivityForm {
  title: string
  postId: string | null
  description: string
  place: string
  startAt: string
  endAt: string
  signupRequired: boolean
  /** Blank = 0 = unlimited. */
  capacity: string
  signupOpensAt: string
  signupClosesAt: string
  location: { lat: number; lng: number } | null
  radius: string
  /** Minutes before the start the sign-in code is taken. */
  signinEarlyMin: string
}

const DEFAULT_RADIUS = '200'

const TIME_LABELS = { startAt: '开始时间', endAt: '结束时间', signupOpensAt: '报名开始时间', signupClosesAt: '报名截止时间' } as const
type TimeField = keyof typeof TIME_LABELS

export function fromView(view?: ActivityView): ActivityForm {
  return {
    title: view?.title ?? '',
    postId: view?.postId ?? null,
    description: view?.description ?? '',
    place: view?.place ?? '',
    startAt: timeText(view?.startAt ?? null),
    endAt: timeText(view?.endAt ?? null),
    signupRequired: view?.signupRequired ?? false,
    capacity: view && view.capacity > 0 ? String(view.capacity) : '',
    signupOpensAt: timeText(view?.signupOpensAt ?? null),
    // The server fills a deadline left blank with the start; shown blank again when it is the start.
    signupClosesAt: view && view.signupClosesAt !== view.startAt ? timeText(view.signupClosesAt) : '',
    location: view?.location ? { lat: view.location.lat, lng: view.location.lng } : null,
    radius: view?.location ? String(view.location.radius) : DEFAULT_RADIUS,
    signinEarlyMin: String(view?.signinEarlyMin ?? DEFAULT_SIGNIN_MARGINS.beforeStartMin),
  }
}

function numberOr(text: string, blank: number): number {
  const trimmed = text.trim()
  return trimmed ? Number(trimmed) : blank
}

/** What create and update both take (create adds the community, update the activity and a note). */
export type Fields = Omit<ActionCall<'activity', 'create'>, 'action' | 'communityId'>

/** A time as sent: ISO when it reads as one, null when blank, else the text as typed (the contract refuses it; `formProblem` words it). */
function sentTime(text: string): string | null {
  const iso = chinaTime(text)
  return iso === undefined ? text.trim() : iso
}

/** The contract's fields, as the form holds them. */
export function toFields(form: ActivityForm): Fields {
  return {
    title: form.title,
    postId: form.postId,
    description: form.description,
    place: form.place,
    startAt: sentTime(form.startAt) ?? '',
    endAt: sentTime(form.endAt) ?? '',
    signupOpensAt: sentTime(form.signupOpensAt),
    signupClosesAt: sentTime(form.signupClosesAt),
    signupRequired: form.signupRequired,
    capacity: numberOr(form.capacity, 0),
    location: form.location ? { ...form.location, radius: numberOr(form.radius, Number.NaN) } : null,
    signinEarlyMin: numberOr(form.signinEarlyMin, DEFAULT_SIGNIN_MARGINS.beforeStartMin),
  }
}

function isTimeField(field: string | undefined): field is TimeField {
  return field !== undefined && field in TIME_LABELS
}

/**
 * The message for the contract's first problem: a time field's says the
 * form's own format ("2026-05-10 09:00"), not the ISO one the contract names.
 */
export function formProblem(form: ActivityForm, problem: { message: string; field?: string }): string {
  if (!isTimeField(problem.field)) return problem.message
  const label = TIME_LABELS[problem.field]
  return form[problem.field].trim() ? timeFormatMessage(label) : `${label}未填写`
}

/** What the contract cannot see: an end before the start (the server says the same, END_BEFORE_START). */
export function scheduleProblem(fields: Fields): string | null {
  return Date.parse(String(fields.endAt)) <= Date.parse(String(fields.startAt)) ? '结束时间应晚于开始时间' : null
}
