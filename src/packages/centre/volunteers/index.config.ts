export default definePageConfig({
  navigationBarTitleText: '志愿专业服务',
})
