export default definePageConfig({
  navigationBarTitleText: '单位与社区结对',
})
