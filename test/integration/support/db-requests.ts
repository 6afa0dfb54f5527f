// Every database request a call makes, by action and collection, as the SDK
// sends them (counted at the embedded requester): how a test tells a batched
// read from a query per row.
export { countDbRequests as recordDbRequests, type DbRequest } from '../../../local/embedded-db'
