export default definePageConfig({
  navigationBarTitleText: '街道、社区与单位',
})
