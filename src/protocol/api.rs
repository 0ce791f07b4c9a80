//! Request/response framing for the control plane: request and response
//! headers (choosing their version from the API key and version), and thin
//! wrappers around the generated `kafka-protocol` codecs for the bodies.

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::messages::ApiKey;
use kafka_protocol::protocol::{Decodable, Encodable};

use super::error::{ProtocolError, Result};
use super::wire::{self, Reader};

/// API keys as numbered on the wire (librdkafka's `RD_KAFKAP_*`). Only the
/// ones the hand-written code refers to; everything else is available as
/// `kafka_protocol::messages::ApiKey`.
pub mod keys {
    /// Produce.
    pub const PRODUCE: i16 = 0;
    /// Fetch.
    pub const FETCH: i16 = 1;
    /// ListOffsets.
    pub const LIST_OFFSETS: i16 = 2;
    /// Metadata.
    pub const METADATA: i16 = 3;
    /// SaslHandshake.
    pub const SASL_HANDSHAKE: i16 = 17;
    /// ApiVersions.
    pub const API_VERSIONS: i16 = 18;
}

/// Kafka error code UNSUPPORTED_VERSION.
const UNSUPPORTED_VERSION: i16 = 35;

fn api_key(key: i16) -> Result<ApiKey> {
    ApiKey::try_from(key).map_err(|_| ProtocolError::UnknownApiKey(key))
}

/// Request header version (0, 1 or 2) for this API key and version: 2
/// (with tagged fields) for flexible versions, 1 otherwise. Version 0 (no
/// client id) is only used by ControlledShutdown v0, which a client never
/// sends.
pub fn request_header_version(api_key_: i16, api_version: i16) -> Result<i16> {
    Ok(api_key(api_key_)?.request_header_version(api_version))
}

/// Response header version (0 or 1) for this API key and version: 1 (with
/// tagged fields) for flexible versions, except ApiVersions whose response
/// header is always version 0 so that a client can read it whatever
/// version the broker understood.
pub fn response_header_version(api_key_: i16, api_version: i16) -> Result<i16> {
    Ok(api_key(api_key_)?.response_header_version(api_version))
}

/// Is this version of this API "flexible" (compact strings/arrays, tagged
/// fields)? Same as "request header version is 2".
pub fn is_flexible(api_key_: i16, api_version: i16) -> Result<bool> {
    Ok(request_header_version(api_key_, api_version)? >= 2)
}

/// Check `api_version` against the versions the generated codec knows.
pub fn check_version(api_key_: i16, api_version: i16) -> Result<()> {
    let range = api_key(api_key_)?.valid_versions();
    if api_version < range.min || api_version > range.max {
        return Err(ProtocolError::UnsupportedVersion {
            api_key: api_key_,
            api_version,
        });
    }
    Ok(())
}

/// The range of versions this layer can speak for an API key, as
/// (min, max): Produce requests are encoded by hand (0-13); every other
/// request by kafka-protocol (whose range this returns; Fetch 4-18 for
/// example, although Fetch responses down to v0 can be decoded). None for
/// an unknown key. The engine intersects this with the broker's ApiVersions
/// answer.
pub fn supported_versions(api_key_: i16) -> Option<(i16, i16)> {
    if api_key_ == keys::PRODUCE {
        return Some((0, super::produce::MAX_PRODUCE_VERSION));
    }
    let r = api_key(api_key_).ok()?.valid_versions();
    Some((r.min, r.max))
}

/// Write a request header of the given header version.
pub fn put_request_header(
    buf: &mut impl BufMut,
    header_version: i16,
    api_key: i16,
    api_version: i16,
    correlation_id: i32,
    client_id: Option<&str>,
) -> Result<()> {
    buf.put_i16(api_key);
    buf.put_i16(api_version);
    buf.put_i32(correlation_id);
    if header_version >= 1 {
        // The client id stays a classic INT16-length string even in header
        // v2, so that a broker can parse it before knowing the version.
        wire::put_string(buf, client_id.map(str::as_bytes), false)?;
    }
    if header_version >= 2 {
        wire::put_uvarint(buf, 0); // no tagged fields
    }
    Ok(())
}

/// Encoded size of a request header.
pub fn request_header_len(header_version: i16, client_id: Option<&str>) -> usize {
    8 + if header_version >= 1 {
        wire::string_len(client_id.map(str::as_bytes), false)
    } else {
        0
    } + if header_version >= 2 { 1 } else { 0 }
}

/// Encode a complete request frame: INT32 size, request header (version
/// chosen from `api_key`/`api_version`), then `body` encoded by
/// kafka-protocol at `api_version`. The result is ready to be written to the
/// socket.
///
/// ```
/// use ferrokafka::protocol::{encode_request, messages::MetadataRequest};
/// let req = MetadataRequest::default(); // null topics = all topics
/// let frame = encode_request(3, 12, 7, Some("rdkafka"), &req).unwrap();
/// assert_eq!(&frame[4..8], &[0, 3, 0, 12]);
/// ```
pub fn encode_request<B: Encodable>(
    api_key: i16,
    api_version: i16,
    correlation_id: i32,
    client_id: Option<&str>,
    body: &B,
) -> Result<BytesMut> {
    check_version(api_key, api_version)?;
    let hv = request_header_version(api_key, api_version)?;
    let body_len = body
        .compute_size(api_version)
        .map_err(|e| ProtocolError::Encode(e.to_string()))?;
    let total = request_header_len(hv, client_id) + body_len;
    if total > i32::MAX as usize {
        return Err(ProtocolError::Encode(format!(
            "request of {total} bytes is too large"
        )));
    }
    let mut buf = BytesMut::with_capacity(4 + total);
    buf.put_i32(total as i32);
    put_request_header(
        &mut buf,
        hv,
        api_key,
        api_version,
        correlation_id,
        client_id,
    )?;
    body.encode(&mut buf, api_version)
        .map_err(|e| ProtocolError::Encode(e.to_string()))?;
    debug_assert_eq!(buf.len(), 4 + total);
    Ok(buf)
}

/// A decoded response header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseHeader {
    /// Echo of the request's correlation id.
    pub correlation_id: i32,
}

/// The correlation id of a response frame (first four bytes in every
/// header version), to find the in-flight request it answers before the
/// rest can be decoded.
pub fn peek_correlation_id(frame: &[u8]) -> Result<i32> {
    Reader::new(frame).i32("correlation id")
}

/// Decode the response header at the start of `frame` for a response to
/// (`api_key`, `api_version`), advancing `frame` past it.
pub fn decode_response_header(
    api_key: i16,
    api_version: i16,
    frame: &mut Bytes,
) -> Result<ResponseHeader> {
    let hv = response_header_version(api_key, api_version)?;
    let mut r = Reader::new(frame);
    let correlation_id = r.i32("correlation id")?;
    if hv >= 1 {
        r.tagged_fields(|_, _| Ok(()))?;
    }
    let used = r.pos();
    let _ = frame.split_to(used);
    Ok(ResponseHeader { correlation_id })
}

/// Decode a response body with kafka-protocol at `api_version`.
pub fn decode_response_body<R: Decodable>(api_version: i16, body: &mut Bytes) -> Result<R> {
    R::decode(body, api_version).map_err(|e| ProtocolError::Decode(e.to_string()))
}

/// Decode a whole response frame (as returned by the frame reader): header
/// then body. Trailing bytes after the body are ignored, as brokers may add
/// fields an older schema does not know.
pub fn decode_response<R: Decodable>(
    api_key: i16,
    api_version: i16,
    mut frame: Bytes,
) -> Result<(ResponseHeader, R)> {
    check_version(api_key, api_version)?;
    let header = decode_response_header(api_key, api_version, &mut frame)?;
    let body = decode_response_body(api_version, &mut frame)?;
    Ok((header, body))
}

/// Decode an ApiVersions response. A broker that does not support the
/// requested version answers with a version 0 body carrying
/// UNSUPPORTED_VERSION (and the versions it does support), so such a body
/// is decoded as version 0. Returns the version actually used.
pub fn decode_api_versions_response(
    api_version: i16,
    mut frame: Bytes,
) -> Result<(
    ResponseHeader,
    kafka_protocol::messages::ApiVersionsResponse,
    i16,
)> {
    let header = decode_response_header(keys::API_VERSIONS, api_version, &mut frame)?;
    let error_code = Reader::new(&frame).i16("error code")?;
    let version = if error_code == UNSUPPORTED_VERSION {
        0
    } else {
        api_version
    };
    check_version(keys::API_VERSIONS, version)?;
    let body = decode_response_body(version, &mut frame)?;
    Ok((header, body, version))
}

/// A decoded request header (broker side: the mock cluster and tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestHeader {
    /// API key.
    pub api_key: i16,
    /// API version.
    pub api_version: i16,
    /// Correlation id to echo.
    pub correlation_id: i32,
    /// Client id (None when null).
    pub client_id: Option<String>,
    /// Header version that was used (1 or 2).
    pub header_version: i16,
}

/// Decode a request header at the start of `frame`, advancing past it.
pub fn decode_request_header(frame: &mut Bytes) -> Result<RequestHeader> {
    let mut r = Reader::new(frame);
    let api_key = r.i16("api key")?;
    let api_version = r.i16("api version")?;
    let correlation_id = r.i32("correlation id")?;
    let hv = request_header_version(api_key, api_version)?;
    let client_id = if hv >= 1 {
        r.string(false, "client id")?
    } else {
        None
    };
    if hv >= 2 {
        r.tagged_fields(|_, _| Ok(()))?;
    }
    let used = r.pos();
    let _ = frame.split_to(used);
    Ok(RequestHeader {
        api_key,
        api_version,
        correlation_id,
        client_id,
        header_version: hv,
    })
}

/// Decode a request body with kafka-protocol (broker side).
pub fn decode_request_body<R: Decodable>(api_version: i16, body: &mut Bytes) -> Result<R> {
    R::decode(body, api_version).map_err(|e| ProtocolError::Decode(e.to_string()))
}

/// Encode a complete response frame (broker side): INT32 size, response
/// header, body.
pub fn encode_response<B: Encodable>(
    api_key: i16,
    api_version: i16,
    correlation_id: i32,
    body: &B,
) -> Result<BytesMut> {
    check_version(api_key, api_version)?;
    let hv = response_header_version(api_key, api_version)?;
    let body_len = body
        .compute_size(api_version)
        .map_err(|e| ProtocolError::Encode(e.to_string()))?;
    let total = 4 + if hv >= 1 { 1 } else { 0 } + body_len;
    let mut buf = BytesMut::with_capacity(4 + total);
    buf.put_i32(total as i32);
    buf.put_i32(correlation_id);
    if hv >= 1 {
        wire::put_uvarint(&mut buf, 0);
    }
    body.encode(&mut buf, api_version)
        .map_err(|e| ProtocolError::Encode(e.to_string()))?;
    Ok(buf)
}
