// The subpackage's page for abilities not built yet; see components/pending-feature.tsx.
export { PendingPage as default } from '../../../components/pending-feature'
