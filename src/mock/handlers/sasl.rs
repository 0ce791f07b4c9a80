//! SaslHandshake and SaslAuthenticate, and raw SASL token frames (after a
//! version 0 handshake).

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::messages::*;

use super::{Ctx, Reply, Req, decode, next_error, respond, sb};
use crate::mock::errors as e;
use crate::mock::sasl::{AuthState, ScramServer, plain};
use crate::mock::server::Server;

pub fn handshake(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<SaslHandshakeRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let mechs: Vec<String> = srv
        .st
        .sasl
        .as_ref()
        .map(|s| s.mechanisms.clone())
        .unwrap_or_default();
    let Some(conn) = srv.conns.get_mut(&req.conn) else {
        return Reply::Close;
    };
    if err == e::NONE {
        if !matches!(conn.auth, AuthState::Start) {
            err = e::ILLEGAL_SASL_STATE;
        } else if !mechs.iter().any(|m| *m == body.mechanism.as_str()) {
            err = e::UNSUPPORTED_SASL_MECHANISM;
        } else {
            conn.auth = AuthState::Handshaked {
                mechanism: body.mechanism.to_string(),
                raw: req.version == 0,
            };
        }
    }
    let resp = SaslHandshakeResponse::default()
        .with_error_code(err)
        .with_mechanisms(mechs.iter().map(|m| sb(m)).collect());
    respond(req, &resp)
}

/// Advance authentication with one client token: the token to answer with,
/// or the failure.
fn step(srv: &mut Server, conn_id: usize, token: &[u8]) -> Result<Vec<u8>, String> {
    let users = srv
        .st
        .sasl
        .as_ref()
        .map(|s| s.users.clone())
        .unwrap_or_default();
    let conn = srv.conns.get_mut(&conn_id).ok_or("gone")?;
    match std::mem::take(&mut conn.auth) {
        AuthState::Handshaked { mechanism, raw } => {
            if mechanism == "PLAIN" {
                plain(token, &users).map_err(|m| {
                    conn.auth = AuthState::Start;
                    m
                })?;
                conn.auth = AuthState::Done;
                Ok(Vec::new())
            } else {
                match ScramServer::start(&mechanism, token, &users) {
                    Ok((scram, first)) => {
                        conn.auth = AuthState::Scram {
                            raw,
                            scram: Box::new(scram),
                        };
                        Ok(first)
                    }
                    Err(m) => {
                        conn.auth = AuthState::Start;
                        Err(m)
                    }
                }
            }
        }
        AuthState::Scram { scram, .. } => match scram.finish(token) {
            Ok(fin) => {
                conn.auth = AuthState::Done;
                Ok(fin)
            }
            Err(m) => {
                conn.auth = AuthState::Start;
                Err(m)
            }
        },
        other => {
            conn.auth = other;
            Err("SaslAuthenticate out of sequence".into())
        }
    }
}

pub fn authenticate(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<SaslAuthenticateRequest>(req) else {
        return Reply::Close;
    };
    let err = next_error(srv, req, ctx);
    let mut resp = SaslAuthenticateResponse::default();
    if err != e::NONE {
        resp = resp.with_error_code(err);
    } else {
        let raw_mode = srv
            .conns
            .get(&req.conn)
            .is_some_and(|c| c.auth.expects_raw_token());
        let illegal = srv
            .conns
            .get(&req.conn)
            .is_some_and(|c| matches!(c.auth, AuthState::Start | AuthState::Done));
        if raw_mode || illegal {
            resp = resp.with_error_code(e::ILLEGAL_SASL_STATE);
        } else {
            match step(srv, req.conn, &body.auth_bytes) {
                Ok(tok) => resp = resp.with_auth_bytes(Bytes::from(tok)),
                Err(msg) => {
                    resp = resp
                        .with_error_code(e::SASL_AUTHENTICATION_FAILED)
                        .with_error_message(Some(sb(&msg)));
                }
            }
        }
    }
    respond(req, &resp)
}

/// A raw token frame after SaslHandshake v0; false closes the connection.
pub fn raw_token(srv: &mut Server, conn: usize, frame: Bytes) -> bool {
    match step(srv, conn, &frame) {
        Ok(tok) => {
            let mut b = BytesMut::with_capacity(4 + tok.len());
            b.put_i32(tok.len() as i32);
            b.put_slice(&tok);
            let done = srv.conns.get(&conn).is_some_and(|c| c.auth.is_done());
            if !tok.is_empty() || done {
                srv.send(conn, b.freeze(), std::time::Duration::ZERO);
            }
            true
        }
        Err(_) => false,
    }
}
