import { act, fireEvent } from '@testing-library/react'

// What the page tests do to an element by its id (routes.ts lists the ids).

/** Types `value` into the input or textarea with this id. */
export const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } })

/** Taps (clicks) the element with this id and lets the page settle. */
export const tap = async (id: string) => {
  await act(async () => {
    fireEvent.click(document.getElementById(id)!)
  })
}

/** The text of the element with this id, or null when it is not there. */
export const text = (id: string) => document.getElementById(id)?.textContent ?? null
