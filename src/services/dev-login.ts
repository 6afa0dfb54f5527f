// The demo sign-in page exists only in the local runtime (h5 build served by
// `npm start`); the weapp build never shows a link to it.
export const DEV_LOGIN_URL = '/dev/login'

export function canSwitchDemoUser(): boolean {
  return process.env.TARO_ENV === 'h5'
}

export function goToDevLogin(): void {
  // A full page load, not a Taro route: /dev/login is served by the runtime,
  // outside the single-page app.
  if (canSwitchDemoUser() && typeof window !== 'undefined') window.location.href = DEV_LOGIN_URL
}
