import type * as cloud from 'wx-server-sdk'

// The wx-server-sdk database, as handlers see it. In WeChat's cloud it talks to
// the managed document database; locally the same builder runs on the embedded
// engine (local/embedded-db). Handlers never know which.
export type Database = ReturnType<typeof cloud.database>
