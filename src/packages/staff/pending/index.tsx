// The subpackage's page for menu entries not built yet; see components/pending-feature.tsx.
export { PendingPage as default } from '../../../components/pending-feature'
