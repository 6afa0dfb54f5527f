export default definePageConfig({
  navigationBarTitleText: '党员参与活动情况',
})
