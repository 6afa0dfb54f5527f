// DOM stand-ins for @tarojs/components in jsdom tests (jest.config.js maps the
// module here). They keep what tests look at: text, id, className, and the
// Taro event shapes the app code reads (onClick, onInput's detail.value,
// Form onSubmit's detail.value). Taro-only props are dropped so React does
// not warn about unknown DOM attributes.
import { createElement, type ReactNode, type FormEvent, type ChangeEvent } from 'react'

type AnyProps = { [key: string]: unknown; children?: ReactNode }

const TARO_ONLY = new Set([
  'hoverClass',
  'hoverStyle',
  'hoverStartTime',
  'hoverStayTime',
  'hoverStopPropagation',
  'formType',
  'openType',
  'plain',
  'loading',
  'size',
  'type',
  'scrollX',
  'scrollY',
  'scrollTop',
  'scrollIntoView',
  'enableBackToTop',
  'showScrollbar',
  'onScrollToLower',
  'onScrollToUpper',
  'lowerThreshold',
  'upperThreshold',
  'url',
  'password',
  'mode',
  'lazyLoad',
  'selectable',
  'userSelect',
  'decode',
  'placeholderClass',
  'placeholderStyle',
  'confirmType',
  'maxlength',
  'focus',
  'autoHeight',
  'onInput',
  'onGetPhoneNumber',
  'onConfirm',
  'onSubmit',
  'onReset',
  'onChange',
  'range',
  'rangeKey',
  'checked',
  'color',
])

function domProps(props: AnyProps): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || TARO_ONLY.has(key)) continue
    out[key] = value
  }
  return out
}

function standIn(tag: string, displayName: string) {
  const component = (props: AnyProps) => createElement(tag, domProps(props), props.children)
  component.displayName = displayName
  return component
}

export const View = standIn('div', 'View')
export const Block = ({ children }: AnyProps) => createElement('div', null, children)
export const Text = standIn('span', 'Text')
export const ScrollView = standIn('div', 'ScrollView')
export const Swiper = standIn('div', 'Swiper')
export const SwiperItem = standIn('div', 'SwiperItem')
export const Label = standIn('label', 'Label')
export const Image = (props: AnyProps) => createElement('img', { ...domProps(props), src: props.src as string })
export const Canvas = standIn('canvas', 'Canvas')

export const Navigator = (props: AnyProps) =>
  createElement('a', { ...domProps(props), href: props.url as string }, props.children)

export const Button = (props: AnyProps) =>
  createElement(
    'button',
    { ...domProps(props), type: props.formType === 'submit' ? 'submit' : props.formType === 'reset' ? 'reset' : 'button' },
    props.children,
  )

function inputHandlers(props: AnyProps) {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined
  return {
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onInput?.({ detail: { value: e.target.value } }),
  }
}

export const Input = (props: AnyProps) =>
  createElement('input', {
    ...domProps(props),
    ...inputHandlers(props),
    type: props.password ? 'password' : 'text',
    maxLength: typeof props.maxlength === 'number' && props.maxlength >= 0 ? props.maxlength : undefined,
  })

export const Textarea = (props: AnyProps) =>
  createElement('textarea', {
    ...domProps(props),
    ...inputHandlers(props),
    maxLength: typeof props.maxlength === 'number' && props.maxlength >= 0 ? props.maxlength : undefined,
  })

export const Switch = (props: AnyProps) =>
  createElement('input', {
    ...domProps(props),
    type: 'checkbox',
    checked: Boolean(props.checked),
    onChange: (e: ChangeEvent<HTMLInputElement>) =>
      (props.onChange as ((e: { detail: { value: boolean } }) => void) | undefined)?.({ detail: { value: e.target.checked } }),
  })

/** Taro's Form reports every named field in detail.value. */
export const Form = (props: AnyProps) =>
  createElement(
    'form',
    {
      ...domProps(props),
      onSubmit: (e: FormEvent<HTMLFormElement>) => {
        e.preventDefault()
        const value: Record<string, FormDataEntryValue> = {}
        new FormData(e.currentTarget).forEach((v, k) => {
          value[k] = v
        })
        ;(props.onSubmit as ((e: { detail: { value: typeof value } }) => void) | undefined)?.({ detail: { value } })
      },
    },
    props.children,
  )

/** Picker: a <select> over `range`; onChange gets the selected index as Taro does. */
export const Picker = (props: AnyProps) => {
  const range = (props.range as unknown[] | undefined) ?? []
  const key = props.rangeKey as string | undefined
  return createElement(
    'label',
    { id: props.id as string | undefined, className: props.className as string | undefined },
    createElement(
      'select',
      {
        value: String(props.value ?? ''),
        onChange: (e: ChangeEvent<HTMLSelectElement>) =>
          (props.onChange as ((e: { detail: { value: number } }) => void) | undefined)?.({ detail: { value: Number(e.target.value) } }),
      },
      range.map((item, i) =>
        createElement('option', { key: i, value: String(i) }, key ? String((item as Record<string, unknown>)[key]) : String(item)),
      ),
    ),
    props.children,
  )
}
