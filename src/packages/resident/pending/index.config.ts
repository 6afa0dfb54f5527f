// The real title is set from the menu entry in the URL once the page loads.
export default definePageConfig({
  navigationBarTitleText: '功能建设中',
})
