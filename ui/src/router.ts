import { createRouter, createWebHashHistory } from 'vue-router'
import {
  Calendar,
  DataAnalysis,
  Document,
  MapLocation,
  Notebook,
  OfficeBuilding,
  Present,
  Setting,
  Tickets,
} from '@element-plus/icons-vue'

// Each screen is its own chunk, fetched on the first visit: start-up parses only the shell
// and the first screen.
const RosterView = () => import('./views/roster/RosterView.vue')
const OrgView = () => import('./views/org/OrgView.vue')
const MeetingsView = () => import('./views/meetings/MeetingsView.vue')
const AgreementsView = () => import('./views/agreements/AgreementsView.vue')
const ListsView = () => import('./views/lists/ListsView.vue')
const DonationsView = () => import('./views/donations/DonationsView.vue')
const SettingsView = () => import('./views/settings/SettingsView.vue')
const MinutesView = () => import('./views/minutes/MinutesView.vue')
const YearView = () => import('./views/year/YearView.vue')

/** The areas of the left navigation, in order. */
export const areas = [
  { path: '/roster', title: '成员单位', icon: OfficeBuilding },
  { path: '/org', title: '社区与分会', icon: MapLocation },
  { path: '/meetings', title: '会议筹备', icon: Calendar },
  { path: '/agreements', title: '共建协议', icon: Document },
  { path: '/lists', title: '三张清单', icon: Tickets },
  { path: '/donations', title: '捐赠', icon: Present },
  { path: '/minutes', title: '会议纪要', icon: Notebook },
  { path: '/year', title: '年度概览', icon: DataAnalysis },
  { path: '/settings', title: '设置', icon: Setting },
] as const

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/roster' },
    { path: '/roster', component: RosterView },
    { path: '/org', component: OrgView },
    { path: '/settings', component: SettingsView },
    { path: '/meetings', component: MeetingsView },
    { path: '/agreements', component: AgreementsView },
    { path: '/lists', component: ListsView },
    { path: '/donations', component: DonationsView },
    { path: '/minutes', component: MinutesView },
    { path: '/year', component: YearView },
  ],
})
