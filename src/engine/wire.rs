//! The engine's bridge to the wire format: typed control-plane requests in,
//! frames out; frames in, typed responses out.
//!
//! Message bodies come from the `kafka-protocol` crate; this module adds the
//! request/response headers and the size-prefixed framing.

use bytes::{Buf, BufMut, Bytes, BytesMut};
use kafka_protocol::messages::{ApiKey, RequestHeader, ResponseHeader};
use kafka_protocol::protocol::{Decodable, Encodable, Request, StrBytes};

/// A wire-level failure: what went wrong, for logs and error events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The request header version for `api_key` at `version` (1 or 2).
pub fn request_header_version(api_key: i16, version: i16) -> i16 {
    match ApiKey::try_from(api_key) {
        Ok(k) => k.request_header_version(version),
        Err(_) => 1,
    }
}

/// The response header version for `api_key` at `version` (0 or 1).
pub fn response_header_version(api_key: i16, version: i16) -> i16 {
    match ApiKey::try_from(api_key) {
        Ok(k) => k.response_header_version(version),
        Err(_) => 0,
    }
}

/// Encodes a complete request frame (size prefix, header, body).
pub fn encode_request<R: Request>(req: &R, version: i16, correlation_id: i32, client_id: &str) -> Result<Bytes, WireError> {
    let header = RequestHeader::default()
        .with_request_api_key(R::KEY)
        .with_request_api_version(version)
        .with_correlation_id(correlation_id)
        .with_client_id(Some(StrBytes::from_string(client_id.to_string())));
    let hv = request_header_version(R::KEY, version);
    let mut buf = BytesMut::with_capacity(64);
    buf.put_i32(0);
    header.encode(&mut buf, hv).map_err(|e| WireError(format!("encoding request header: {e}")))?;
    req.encode(&mut buf, version)
        .map_err(|e| WireError(format!("encoding {:?} v{version}: {e}", ApiKey::try_from(R::KEY))))?;
    let len = (buf.len() - 4) as i32;
    buf[..4].copy_from_slice(&len.to_be_bytes());
    Ok(buf.freeze())
}

/// Reads the correlation id of a response frame (the frame without its
/// size prefix) without consuming it.
pub fn peek_correlation_id(frame: &Bytes) -> Option<i32> {
    if frame.len() < 4 {
        return None;
    }
    Some(i32::from_be_bytes([frame[0], frame[1], frame[2], frame[3]]))
}

/// Decodes a response frame (without its size prefix) for a request of type
/// `R` sent at `version`.
pub fn decode_response<R: Request>(mut frame: Bytes, version: i16) -> Result<R::Response, WireError> {
    let hv = response_header_version(R::KEY, version);
    ResponseHeader::decode(&mut frame, hv).map_err(|e| WireError(format!("decoding response header: {e}")))?;
    R::Response::decode(&mut frame, version)
        .map_err(|e| WireError(format!("decoding {:?} v{version} response: {e}", ApiKey::try_from(R::KEY))))
}

/// Accumulates bytes read from a socket and cuts them into frames.
pub struct FrameReader {
    buf: BytesMut,
    max_frame: usize,
}

impl FrameReader {
    pub fn new(max_frame: usize) -> Self {
        FrameReader { buf: BytesMut::with_capacity(64 * 1024), max_frame }
    }

    /// Space to read into (at least `min` bytes).
    pub fn spare(&mut self, min: usize) -> &mut BytesMut {
        if self.buf.capacity() - self.buf.len() < min {
            self.buf.reserve(min);
        }
        &mut self.buf
    }

    /// The next complete frame (without its size prefix), if one is there.
    pub fn next_frame(&mut self) -> Result<Option<Bytes>, WireError> {
        if self.buf.len() < 4 {
            return Ok(None);
        }
        let size = i32::from_be_bytes([self.buf[0], self.buf[1], self.buf[2], self.buf[3]]);
        if size < 0 {
            return Err(WireError(format!("invalid frame size {size}")));
        }
        let size = size as usize;
        if size > self.max_frame {
            return Err(WireError(format!(
                "Receive size {size} exceeds receive.message.max.bytes {}",
                self.max_frame
            )));
        }
        if self.buf.len() < 4 + size {
            self.buf.reserve(4 + size - self.buf.len());
            return Ok(None);
        }
        self.buf.advance(4);
        Ok(Some(self.buf.split_to(size).freeze()))
    }

    /// The largest frame accepted.
    pub fn max_frame(&self) -> usize {
        self.max_frame
    }

    /// Bytes buffered but not yet returned as frames.
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::{ApiVersionsRequest, ApiVersionsResponse, MetadataRequest};

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
        let mut body = vec![0, 0, 0, 7, 0, 0, 0, 0, 0, 1, 0, 3, 0, 0, 0, 12];
        body.truncate(16);
        let resp = decode_response::<ApiVersionsRequest>(Bytes::from(body), 0).unwrap();
        let resp: ApiVersionsResponse = resp;
        assert_eq!(resp.error_code, 0);
        assert_eq!(resp.api_keys.len(), 1);
        assert_eq!(resp.api_keys[0].api_key, 3);
        assert_eq!(resp.api_keys[0].max_version, 12);
    }

    #[test]
    fn frame_reader_cuts_and_limits() {
        let mut r = FrameReader::new(100);
        let req = MetadataRequest::default();
        let f = encode_request(&req, 1, 1, "x").unwrap();
        r.spare(0).extend_from_slice(&f[..5]);
        assert!(r.next_frame().unwrap().is_none());
        r.spare(0).extend_from_slice(&f[5..]);
        let frame = r.next_frame().unwrap().unwrap();
        assert_eq!(frame.len(), f.len() - 4);
        assert_eq!(r.buffered(), 0);
        r.spare(0).extend_from_slice(&1000i32.to_be_bytes());
        assert!(r.next_frame().unwrap_err().0.contains("receive.message.max.bytes"));
        let mut r = FrameReader::new(100);
        r.spare(0).extend_from_slice(&(-5i32).to_be_bytes());
        assert!(r.next_frame().is_err());
    }
}
