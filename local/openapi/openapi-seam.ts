import { dirname, join } from 'node:path'
import { PINNED_VERSIONS } from '../embedded-db'

// The open-API seam, the same swap as the database's. In wx-server-sdk 4.0.2
// `cloud.openapi.<api>(data)` turns `data` to snake_case, packs it as a
// protobuf CommApiData (one JSON-valued pair per top-level key) and calls
// @cloudbase/node-sdk's CloudBase#callCompatibleWxOpenApi({ apiName,
// requestData }), which posts it to WeChat and resolves with a protobuf
// CommOpenApiResp whose respData is WeChat's JSON answer. Replacing that one
// method answers every open-API call in this process locally, while
// wx-server-sdk still does its own packing, unpacking and error mapping (an
// `errcode` in the answer becomes the errCode/errMsg error the cloud gives).
// wx-server-sdk registers its protobuf types on protobufjs's default root,
// which is where they are read from here. The versions are the pinned ones
// the embedded database checks.

/** WeChat's JSON answer to one call: errcode 0 with the result, or an errcode and errmsg. */
export type OpenapiAnswer = { errcode: number; errmsg: string } & Record<string, unknown>
export type OpenapiHandler = (apiName: string, data: Record<string, unknown>) => Promise<OpenapiAnswer>

interface PbType {
  decode(buffer: Uint8Array): Record<string, unknown>
  encode(message: Record<string, unknown>): { finish(): Uint8Array }
}

interface CloudBaseClass {
  prototype: { callCompatibleWxOpenApi(options: { apiName: string; requestData: Buffer }): Promise<unknown> }
}

interface Seam {
  prototype: CloudBaseClass['prototype']
  original: CloudBaseClass['prototype']['callCompatibleWxOpenApi']
  handler: OpenapiHandler
}

let seam: Seam | undefined

function loadSdk(): { CloudBase: CloudBaseClass; CommApiData: PbType; CommOpenApiResp: PbType } {
  const wxDir = dirname(require.resolve('wx-server-sdk/package.json'))
  // Loading wx-server-sdk registers its protobuf types.
  require(wxDir)
  const nodeSdkDir = dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [wxDir] }))
  const version = (require(join(nodeSdkDir, 'package.json')) as { version: string }).version
  if (version !== PINNED_VERSIONS['@cloudbase/node-sdk']) {
    throw new Error(`local openapi: @cloudbase/node-sdk is ${version}, the seam was verified on ${PINNED_VERSIONS['@cloudbase/node-sdk']}`)
  }
  const { CloudBase } = require(join(nodeSdkDir, 'dist/cloudbase.js')) as { CloudBase: CloudBaseClass }
  const protobuf = require(require.resolve('protobufjs/minimal', { paths: [wxDir] })) as { roots: Record<string, Record<string, PbType>> }
  const root = protobuf.roots.default ?? {}
  const { CommApiData, CommOpenApiResp } = root
  if (typeof CloudBase?.prototype.callCompatibleWxOpenApi !== 'function' || !CommApiData || !CommOpenApiResp) {
    throw new Error('local openapi: wx-server-sdk / @cloudbase/node-sdk no longer have the open-API seam this runtime replaces')
  }
  return { CloudBase, CommApiData, CommOpenApiResp }
}

function decodeRequest(CommApiData: PbType, requestData: Buffer): Record<string, unknown> {
  const message = CommApiData.decode(requestData) as { openapiData?: { pairs?: Array<{ key: string; value: Uint8Array }> } }
  const data: Record<string, unknown> = {}
  for (const pair of message.openapiData?.pairs ?? []) data[pair.key] = JSON.parse(Buffer.from(pair.value).toString('utf8'))
  return data
}

/** Answers every `cloud.openapi.*` call in this process with `handler`. Re-installing swaps the handler. */
export function installLocalOpenapi(handler: OpenapiHandler): void {
  if (seam) {
    seam.handler = handler
    return
  }
  const { CloudBase, CommApiData, CommOpenApiResp } = loadSdk()
  const current: Seam = { prototype: CloudBase.prototype, original: CloudBase.prototype.callCompatibleWxOpenApi, handler }
  CloudBase.prototype.callCompatibleWxOpenApi = async ({ apiName, requestData }) => {
    const answer = await current.handler(apiName, decodeRequest(CommApiData, requestData))
    const respData = Buffer.from(JSON.stringify(answer))
    return Buffer.from(CommOpenApiResp.encode({ respData, contentType: 'application/json; charset=utf-8' }).finish())
  }
  seam = current
}

export function uninstallLocalOpenapi(): void {
  if (!seam) return
  seam.prototype.callCompatibleWxOpenApi = seam.original
  seam = undefined
}
