import { markMain } from './lib/startup'
import { createApp } from 'vue'
import { provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
// Element Plus components (and their CSS) are imported by the templates that use them
// (unplugin-vue-components, vite.config.ts). What scripts use directly needs its styles
// here: the message functions, and ElTag in the roster table's cell renderers.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/tag/style/css'
import './style.css'
import App from './App.vue'
import { router } from './router'

markMain()
const app = createApp(App)
// What app.use(ElementPlus, { locale }) did for the locale, without registering every
// component: 中文 for pickers, pagination, message boxes (also those opened from scripts).
provideGlobalConfig({ locale: zhCn }, app, true)
app.use(router).mount('#app')
