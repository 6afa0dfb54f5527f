// h5: the local runtime's stand-in for WeChat's prompt. POST /dev/subscribe
// records that the signed-in user accepted each template (on WeChat's side,
// as the platform would); there is no prompt to answer in a browser.
export async function requestSubscribe(templateIds: string[]): Promise<Record<string, string>> {
  const res = await fetch('/dev/subscribe', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ templateIds }),
  })
  const body = (await res.json()) as Record<string, string>
  if (!res.ok) throw new Error(body.errMsg ?? 'requestSubscribeMessage:fail')
  return body
}
