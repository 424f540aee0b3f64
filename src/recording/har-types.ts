/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as far as this toolkit writes and reads it. */

/** A header, query parameter or cookie pair. */
export interface HarNameValue {
  name: string;
  value: string;
  comment?: string;
}

/** A cookie; recordings always leave cookie lists empty because cookies are secrets. */
export interface HarCookie extends HarNameValue {
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

/** Custom marker (HAR allows `_`-prefixed fields) on a body that was cut at the size cap. */
export interface HarTruncation {
  /** Bytes of the whole body as it was sent. */
  originalSize: number;
  /** Matching digest of the whole request body, so playback can still match it exactly. */
  bodyDigest?: string;
}

/** A request body. `encoding` is not in HAR 1.2 for postData; common tools accept it as we use it. */
export interface HarPostData {
  mimeType: string;
  text: string;
  encoding?: 'base64';
  comment?: string;
  _truncated?: HarTruncation;
}

/** A request as recorded. */
export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  headersSize: number;
  bodySize: number;
  comment?: string;
}

/** A response body. */
export interface HarContent {
  size: number;
  compression?: number;
  mimeType: string;
  text?: string;
  encoding?: string;
  comment?: string;
  _truncated?: HarTruncation;
}

/** A response as recorded. */
export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
  comment?: string;
}

/** Phase durations in milliseconds; -1 where a phase does not apply. */
export interface HarTimings {
  blocked?: number;
  dns?: number;
  connect?: number;
  send: number;
  wait: number;
  receive: number;
  ssl?: number;
  comment?: string;
}

/** One recorded exchange. */
export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, unknown>;
  timings: HarTimings;
  serverIPAddress?: string;
  connection?: string;
  comment?: string;
}

/** The tool that wrote a log. */
export interface HarCreator {
  name: string;
  version: string;
  comment?: string;
}

/** The `log` object. */
export interface HarLog {
  version: string;
  creator: HarCreator;
  browser?: HarCreator;
  pages?: unknown[];
  entries: HarEntry[];
  comment?: string;
}

/** A whole HAR document. */
export interface Har {
  log: HarLog;
}
