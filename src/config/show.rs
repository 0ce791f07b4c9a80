//! The property documentation table printed by
//! `rd_kafka_conf_properties_show()`, in the layout of librdkafka's
//! CONFIGURATION.md.

use super::features;
use super::props::{self, Importance, Kind, Property, Role, Scope, PROPERTIES};
use super::value::format_g;

/// The "Range" column of a property (the target's, for aliases).
pub fn range_text(p: &Property) -> String {
    match p.kind {
        Kind::Int { min, max, .. } => format!("{min} .. {max}"),
        Kind::Float { min, max, .. } => format!("{} .. {}", format_g(min), format_g(max)),
        Kind::Bool { .. } => "true, false".to_string(),
        Kind::Enum { values, .. } => values.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "),
        Kind::Flags { values, .. } if p.name != "builtin.features" => {
            values.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        }
        _ => String::new(),
    }
}

/// The "Default" column of a property (the target's, for aliases).
pub fn default_text(p: &Property) -> String {
    match p.kind {
        Kind::Str { default, .. } => default.unwrap_or("").to_string(),
        Kind::Int { default, .. } => default.to_string(),
        Kind::Float { default, .. } => format_g(default),
        Kind::Bool { default } => default.to_string(),
        Kind::Enum { values, default } => {
            values.iter().find(|(_, v)| *v == default).map_or(String::new(), |(n, _)| n.to_string())
        }
        Kind::Flags { values, default } => values
            .iter()
            .filter(|(n, bit)| default & bit == *bit && (p.name != "builtin.features" || features::is_supported(n)))
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

/// The "C/P" column.
pub fn role_text(r: Role) -> &'static str {
    match r {
        Role::Both => "*",
        Role::Producer => "P",
        Role::Consumer => "C",
    }
}

pub fn importance_text(i: Importance) -> &'static str {
    match i {
        Importance::Low => "low",
        Importance::Medium => "medium",
        Importance::High => "high",
    }
}

/// What a documentation row shows for `p`: for an alias, the property it
/// stands for (type, range, default, importance, flags).
pub fn shown(p: &'static Property) -> &'static Property {
    match p.kind {
        Kind::Alias(_) => props::lookup(p.scope, p.name).unwrap_or(p),
        _ => p,
    }
}

/// The whole table, Markdown-formatted.
pub fn properties_table() -> String {
    let dashes = "-".repeat(40);
    let mut out = String::new();
    let mut last: Option<Scope> = None;
    for p0 in PROPERTIES.iter().filter(|p| !p.hidden && !matches!(p.kind, Kind::Invalid(_))) {
        if last != Some(p0.scope) {
            out.push_str(&format!(
                "{}## {} configuration properties\n\n",
                if last.is_some() { "\n\n" } else { "" },
                if p0.scope == Scope::Global { "Global" } else { "Topic" }
            ));
            out.push_str(&format!(
                "{:<40} | {:>3} | {:<15} | {:>13} | {:<10} | {:<25}\n",
                "Property", "C/P", "Range", "Default", "Importance", "Description"
            ));
            out.push_str(&format!(
                "{}-|-{}-|-{}-|-{}:|-{}-| -{}\n",
                &dashes[..40],
                &dashes[..3],
                &dashes[..15],
                &dashes[..13],
                &dashes[..10],
                &dashes[..25]
            ));
            last = Some(p0.scope);
        }
        let p = shown(p0);
        let mut desc = String::new();
        if p.experimental {
            desc.push_str("**EXPERIMENTAL**: subject to change or removal. ");
        }
        if p.deprecated.is_some() {
            desc.push_str("**DEPRECATED** ");
        }
        if let Kind::Alias(target) = p0.kind {
            desc.push_str(&format!("Alias for `{target}`: "));
        }
        desc.push_str(p.desc);
        out.push_str(&format!(
            "{:<40} | {:^3} | {:<15} | {:>13} | {:<10} | {} <br>*Type: {}*\n",
            p0.name,
            role_text(p.role),
            range_text(p),
            default_text(p),
            importance_text(p.importance),
            desc,
            p.kind.type_name()
        ));
    }
    out.push_str("\n### C/P legend: C = Consumer, P = Producer, * = both\n");
    out
}
