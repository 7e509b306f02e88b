// The one REST contract the simulator serves and the Graph client speaks: plain data, no sockets.
// The in-process transport and the HTTP server both adapt to this shape.

export interface RestRequest {
  method: string;
  /** Absolute URL or a path with query, e.g. `/beta/deviceManagement/virtualEndpoint/cloudPCs?$top=100`. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Raw request body as text (UTF-8), or undefined when there is none. */
  body?: string;
}

export interface RestResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Serialized body (JSON text for Graph resources), or undefined for 204/202 without content. */
  body?: string;
}

export type RestHandler = (request: RestRequest) => Promise<RestResponse>;

/** The Graph error envelope (docs/service-facts.md "Errors and throttling"): service details sit in innerError. */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    target?: string;
    details?: { code: string; message: string; target?: string }[];
    innerError?: {
      code?: string;
      message?: string;
      'request-id'?: string;
      'client-request-id'?: string;
      date?: string;
    };
  };
}
