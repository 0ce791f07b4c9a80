//! The engine's narrow view of the wire format: typed control-plane
//! requests in, frames out; frames in, typed responses out. Everything here
//! delegates to [`crate::protocol`].

use crate::protocol;
use bytes::Bytes;
use kafka_protocol::protocol::Request;

pub use crate::protocol::FrameReader;

/// A wire-level failure: what went wrong, for logs and error events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<protocol::ProtocolError> for WireError {
    fn from(e: protocol::ProtocolError) -> Self {
        WireError(e.to_string())
    }
}

/// Encodes a complete request frame (size prefix, header, body).
pub fn encode_request<R: Request>(req: &R, version: i16, correlation_id: i32, client_id: &str) -> Result<Bytes, WireError> {
    Ok(protocol::encode_request(R::KEY, version, correlation_id, Some(client_id), req)?.freeze())
}

/// The correlation id of a response frame (without its size prefix).
pub fn peek_correlation_id(frame: &[u8]) -> Option<i32> {
    protocol::peek_correlation_id(frame).ok()
}

/// Decodes a response frame (without its size prefix) for a request of type
/// `R` sent at `version`.
pub fn decode_response<R: Request>(frame: Bytes, version: i16) -> Result<R::Response, WireError> {
    Ok(protocol::decode_response::<R::Response>(R::KEY, version, frame)?.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::{ApiVersionsRequest, ApiVersionsResponse};
    use kafka_protocol::protocol::StrBytes;

    #[test]
    fn api_versions_v3_request_bytes() {
        let req = ApiVersionsRequest::default()
            .with_client_software_name(StrBytes::from_static_str("ferrokafka"))
            .with_client_software_version(StrBytes::from_static_str("0.1"));
        let frame = encode_request(&req, 3, 7, "cli").unwrap();
        let mut want = Vec::new();
        // header v2: api key 18, version 3, correlation 7, client id "cli"
        // (int16 length + bytes), empty tagged fields
        want.extend_from_slice(&[0, 18, 0, 3, 0, 0, 0, 7, 0, 3, b'c', b'l', b'i', 0]);
        // body: compact strings (length + 1 as unsigned varint), tagged fields
        want.push(11);
        want.extend_from_slice(b"ferrokafka");
        want.push(4);
        want.extend_from_slice(b"0.1");
        want.push(0);
        let mut framed = (want.len() as i32).to_be_bytes().to_vec();
        framed.extend_from_slice(&want);
        assert_eq!(&frame[..], &framed[..]);
    }

    #[test]
    fn api_versions_v0_response_decodes() {
        // correlation id 7, error 0, [ (api 3, min 0, max 12) ]
        let body = vec![0, 0, 0, 7, 0, 0, 0, 0, 0, 1, 0, 3, 0, 0, 0, 12];
        let resp: ApiVersionsResponse = decode_response::<ApiVersionsRequest>(Bytes::from(body), 0).unwrap();
        assert_eq!(resp.error_code, 0);
        assert_eq!(resp.api_keys.len(), 1);
        assert_eq!(resp.api_keys[0].api_key, 3);
        assert_eq!(resp.api_keys[0].max_version, 12);
    }
}
