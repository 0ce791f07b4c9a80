//! Property values: parsing the strings applications set, and printing
//! values back the way librdkafka prints them.

use super::features;
use super::props::{Kind, Property, StrCheck, PARTITIONERS};
use std::ffi::CString;

/// The stored value of one property.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Properties without a value of their own: aliases, pointers
    /// (see [`super::Callbacks`]), internal and invalid properties.
    None,
    /// A string property; `None` when unset.
    Str(Option<String>),
    Int(i32),
    Float(f64),
    Bool(bool),
    /// The number the enum name maps to (see the property's value table).
    Enum(i32),
    /// OR of the flag bits.
    Flags(u32),
    /// A regular expression list; `None` when unset.
    Patterns(Option<PatternList>),
}

impl Value {
    /// The value a fresh configuration object holds for `kind`.
    pub fn default_for(kind: &Kind) -> Value {
        match *kind {
            Kind::Str { default, .. } => Value::Str(default.map(str::to_string)),
            Kind::Int { default, .. } => Value::Int(default),
            Kind::Float { default, .. } => Value::Float(default),
            Kind::Bool { default } => Value::Bool(default),
            Kind::Enum { default, .. } => Value::Enum(default),
            Kind::Flags { default, .. } => Value::Flags(default),
            Kind::Patterns => Value::Patterns(None),
            Kind::Pointer(_) | Kind::Internal(_) | Kind::Alias(_) | Kind::Invalid(_) => Value::None,
        }
    }
}

/// A comma-separated list of regular expressions (`topic.blacklist`).
/// A doubled comma stands for a literal comma.
#[derive(Clone, Debug)]
pub struct PatternList {
    source: String,
    regexes: Vec<regex::Regex>,
}

impl PartialEq for PatternList {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl PatternList {
    /// Compiles every pattern of the list.
    pub fn parse(list: &str) -> Result<PatternList, String> {
        let mut regexes = Vec::new();
        for pat in split_patterns(list) {
            match regex::Regex::new(&pat) {
                Ok(re) => regexes.push(re),
                Err(e) => {
                    let why = e.to_string().lines().last().unwrap_or("invalid regular expression").trim().to_string();
                    return Err(format!("Failed to parse pattern \"{pat}\": {why}"));
                }
            }
        }
        Ok(PatternList { source: list.to_string(), regexes })
    }

    /// The list as it was set.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// True if any pattern matches (anywhere in) `s`.
    pub fn matches(&self, s: &str) -> bool {
        self.regexes.iter().any(|re| re.is_match(s))
    }

    pub fn len(&self) -> usize {
        self.regexes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.regexes.is_empty()
    }
}

fn split_patterns(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = list.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ',' {
            if chars.peek() == Some(&',') {
                chars.next();
                cur.push(',');
            } else {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Parses an integer the way C's strtol(3) with base 0 does: leading
/// blanks, optional sign, 0x for hex, leading 0 for octal; anything after
/// the number is ignored. None if there are no digits at all.
pub(crate) fn parse_c_long(s: &str) -> Option<i64> {
    let c = CString::new(s).ok()?;
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    // SAFETY: c is NUL-terminated; strtol writes end within it.
    let v = unsafe { libc::strtol(c.as_ptr(), &mut end, 0) };
    if std::ptr::eq(end, c.as_ptr()) { None } else { Some(v) }
}

/// Parses a floating point number like strtod(3): leading blanks allowed,
/// trailing text ignored. None if no number could be read.
pub(crate) fn parse_c_double(s: &str) -> Option<f64> {
    let c = CString::new(s).ok()?;
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    // SAFETY: c is NUL-terminated; strtod writes end within it.
    let v = unsafe { libc::strtod(c.as_ptr(), &mut end) };
    if std::ptr::eq(end, c.as_ptr()) { None } else { Some(v) }
}

/// Formats a double with printf's "%g".
pub fn format_g(v: f64) -> String {
    let mut buf = [0u8; 64];
    // SAFETY: buf is 64 bytes; snprintf never writes more than that.
    let n = unsafe { libc::snprintf(buf.as_mut_ptr() as *mut libc::c_char, buf.len(), c"%g".as_ptr(), v) };
    let n = (n.max(0) as usize).min(buf.len() - 1);
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

fn names_list<T>(values: &[(&str, T)]) -> String {
    values.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

/// Result of parsing: the new value, and the value string handed to
/// on_conf_set interceptors and custom setters.
pub(crate) struct Parsed {
    pub value: Value,
    pub text: Option<String>,
}

/// Parses `input` for `prop`. `current` matters for flags, which are
/// additive: `+name` and bare names add, `-name` removes.
/// `None` input means "empty": strings and pattern lists go back to their
/// default, other types refuse it.
pub(crate) fn parse(prop: &Property, current: &Value, input: Option<&str>) -> Result<Parsed, String> {
    let name = prop.name;
    let empty = |what: &str| Err(format!("{what} property \"{name}\" cannot be set to empty value"));
    match prop.kind {
        Kind::Str { default, check } => {
            let v = input.map(|s| s.trim_start_matches(is_c_space));
            if let Some(check) = check {
                let ok = match v {
                    None => false,
                    Some(v) => match check {
                        StrCheck::SingleItem => !v.contains(',') && !v.contains(' '),
                        StrCheck::Partitioner => PARTITIONERS.contains(&v),
                        StrCheck::BrokerVersion => !v.starts_with("0.7.") && !v.starts_with("0.6."),
                    },
                };
                if !ok {
                    let mut msg = format!("Invalid value for configuration property \"{name}\": {}", v.unwrap_or("(null)"));
                    if check == StrCheck::Partitioner {
                        msg.push_str(&format!(" (expected one of: {})", PARTITIONERS.join(", ")));
                    }
                    return Err(msg);
                }
            }
            let value = Value::Str(v.map(str::to_string).or(default.map(str::to_string)));
            Ok(Parsed { value, text: v.map(str::to_string) })
        }
        Kind::Patterns => match input {
            None => Ok(Parsed { value: Value::Patterns(None), text: None }),
            Some(v) => {
                let pl = PatternList::parse(v)
                    .map_err(|e| format!("Invalid value for configuration property \"{name}\": {e}"))?;
                Ok(Parsed { value: Value::Patterns(Some(pl)), text: Some(v.to_string()) })
            }
        },
        Kind::Bool { .. } => {
            let Some(v) = input else { return empty("Bool configuration") };
            let b = if v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("t") || v == "1" {
                true
            } else if v.eq_ignore_ascii_case("false") || v.eq_ignore_ascii_case("f") || v == "0" {
                false
            } else {
                return Err(format!("Expected bool value for \"{name}\": true or false"));
            };
            Ok(Parsed { value: Value::Bool(b), text: Some(v.to_string()) })
        }
        Kind::Int { min, max, named, .. } => {
            let Some(v) = input else { return empty("Integer configuration") };
            let n = match parse_c_long(v) {
                Some(n) => n,
                None => match named.iter().find(|(n, _)| n.eq_ignore_ascii_case(v.trim_matches(is_c_space))) {
                    Some((_, n)) => *n as i64,
                    None => {
                        let symbolic = if named.is_empty() {
                            String::new()
                        } else {
                            format!(" or one of: {}", names_list(named))
                        };
                        return Err(format!(
                            "Invalid value \"{v}\" for configuration property \"{name}\": expected an integer \
                             in the range {min}..{max}{symbolic}"
                        ));
                    }
                },
            };
            if n < min as i64 || n > max as i64 {
                return Err(format!(
                    "Configuration property \"{name}\" value {n} is outside allowed range {min}..{max}"
                ));
            }
            Ok(Parsed { value: Value::Int(n as i32), text: Some(v.to_string()) })
        }
        Kind::Float { min, max, .. } => {
            let Some(v) = input else { return empty("Float configuration") };
            let Some(d) = parse_c_double(v) else {
                return Err(format!(
                    "Invalid value \"{v}\" for configuration property \"{name}\": expected a number in the \
                     range {}..{}",
                    format_g(min),
                    format_g(max)
                ));
            };
            if d.is_nan() || d < min || d > max {
                return Err(format!(
                    "Configuration property \"{name}\" value {} is outside allowed range {}..{}",
                    format_g(d),
                    format_g(min),
                    format_g(max)
                ));
            }
            Ok(Parsed { value: Value::Float(d), text: Some(v.to_string()) })
        }
        Kind::Enum { values, .. } => {
            let Some(v) = input else { return empty("Configuration") };
            let token = v.trim_matches(is_c_space);
            match values.iter().find(|(n, _)| n.eq_ignore_ascii_case(token)) {
                Some((vname, _)) if let Some(why) = features::unsupported_value(name, vname) => {
                    Err(format!("Unsupported value \"{token}\" for configuration property \"{name}\": {why}"))
                }
                Some((_, n)) => Ok(Parsed { value: Value::Enum(*n), text: Some(v.to_string()) }),
                None => Err(format!(
                    "Invalid value \"{token}\" for configuration property \"{name}\": expected one of: {}",
                    names_list(values)
                )),
            }
        }
        Kind::Flags { values, .. } => {
            let Some(v) = input else { return empty("Configuration") };
            let is_features = name == "builtin.features";
            let mut flags = match current {
                Value::Flags(f) => *f,
                _ => 0,
            };
            for token in v.split(',') {
                let mut token = token.trim_matches(is_c_space);
                let mut remove = false;
                if let Some(rest) = token.strip_prefix('+') {
                    token = rest;
                } else if let Some(rest) = token.strip_prefix('-') {
                    token = rest;
                    remove = true;
                }
                if token.is_empty() {
                    continue;
                }
                let Some((fname, bit)) = values.iter().find(|(n, _)| n.eq_ignore_ascii_case(token)) else {
                    let valid: Vec<&str> = values
                        .iter()
                        .map(|(n, _)| *n)
                        .filter(|n| !is_features || features::is_supported(n))
                        .collect();
                    return Err(format!(
                        "Invalid value \"{token}\" for configuration property \"{name}\": expected a \
                         comma-separated list of: {}",
                        valid.join(", ")
                    ));
                };
                if is_features && let Some(why) = features::unsupported_reason(fname) {
                    return Err(format!("Unsupported value \"{token}\" for configuration property \"{name}\": {why}"));
                }
                if remove {
                    flags &= !bit;
                } else {
                    flags |= bit;
                }
            }
            Ok(Parsed { value: Value::Flags(flags), text: Some(v.to_string()) })
        }
        Kind::Pointer(_) => Err(format!("Property \"{name}\" must be set through dedicated .._set_..() function")),
        Kind::Internal(_) => Err(format!("Internal property \"{name}\" not settable")),
        Kind::Invalid(why) => Err(why.to_string()),
        Kind::Alias(target) => Err(format!("Property \"{name}\" is an alias of \"{target}\"")),
    }
}

/// The flag names set in `flags`, in table order. For `builtin.features`
/// only the supported features are listed.
pub fn flag_names(prop: &Property, flags: u32) -> Vec<&'static str> {
    let Kind::Flags { values, .. } = prop.kind else { return Vec::new() };
    let is_features = prop.name == "builtin.features";
    values
        .iter()
        .filter(|(n, bit)| flags & bit == *bit && (!is_features || features::is_supported(n)))
        .map(|(n, _)| *n)
        .collect()
}

/// The value as conf_get/conf_dump print it; None when there is nothing to
/// print (unset strings, properties without values).
pub fn format(prop: &Property, value: &Value) -> Option<String> {
    match (value, &prop.kind) {
        (Value::Str(s), _) => s.clone(),
        (Value::Int(n), _) => Some(n.to_string()),
        (Value::Float(d), _) => Some(format_g(*d)),
        (Value::Bool(b), _) => Some(if *b { "true" } else { "false" }.to_string()),
        (Value::Enum(n), Kind::Enum { values, .. }) => {
            values.iter().find(|(_, v)| v == n).map(|(name, _)| name.to_string())
        }
        (Value::Flags(f), _) => Some(flag_names(prop, *f).join(",")),
        (Value::Patterns(p), _) => p.as_ref().map(|p| p.source().to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_number_parsing() {
        assert_eq!(parse_c_long("42"), Some(42));
        assert_eq!(parse_c_long("  -7"), Some(-7));
        assert_eq!(parse_c_long("0x10"), Some(16));
        assert_eq!(parse_c_long("010"), Some(8));
        assert_eq!(parse_c_long("12abc"), Some(12));
        assert_eq!(parse_c_long("abc"), None);
        assert_eq!(parse_c_long(""), None);
        assert_eq!(parse_c_double("5"), Some(5.0));
        assert_eq!(parse_c_double("0.5ms"), Some(0.5));
        assert_eq!(parse_c_double("x"), None);
    }

    #[test]
    fn g_format() {
        assert_eq!(format_g(5.0), "5");
        assert_eq!(format_g(0.1), "0.1");
        assert_eq!(format_g(900000.0), "900000");
        assert_eq!(format_g(1234567.0), "1.23457e+06");
    }

    #[test]
    fn pattern_lists() {
        let p = PatternList::parse("^foo,bar$,a,,b").unwrap();
        assert_eq!(p.len(), 3);
        assert!(p.matches("foolish"));
        assert!(p.matches("crowbar"));
        assert!(p.matches("xa,by"));
        assert!(!p.matches("baz"));
        assert!(PatternList::parse("(unclosed").is_err());
    }
}
