//! Prints the tables the package generates its JS constants from, as JSON on stdout:
//! `{ "limits": [[name, value, doc]…], "mediaRules": [{ kind, mimeTypes, maxBytes }…],
//! "capabilities": [[provider, [[kind, support, endpoint]…]]…] }` (in the model's order).
//! Run natively by scripts/build.mjs (`cargo run --example tables`), so that every limit is
//! written once (src/limits.rs) and what each provider carries is its codec's table
//! (`Codec::kinds`), none of it travelling in the wasm.

use wabridge::Provider;
use wabridge::provider::codec::{Support, codec};

/// A provider's name and its kinds: `(kind, support, endpoint)`.
type ProviderKinds = (&'static str, Vec<(&'static str, &'static str, &'static str)>);

fn main() {
    let limits: Vec<(&str, f64, &str)> = wabridge::limits::ALL.iter().map(|l| (l.name, l.value, l.doc)).collect();
    let capabilities: Vec<ProviderKinds> = Provider::ALL
        .iter()
        .map(|&provider| {
            let kinds = codec(provider)
                .kinds()
                .iter()
                .map(|entry| {
                    let support = match entry.support {
                        Support::Yes => "yes",
                        Support::NotYet => "notYet",
                        Support::Never => "never",
                    };
                    (entry.kind, support, entry.operation.name())
                })
                .collect();
            (provider.name(), kinds)
        })
        .collect();
    let tables = serde_json::json!({
        "limits": limits,
        "mediaRules": wabridge::message::media::MEDIA_RULES,
        "capabilities": capabilities,
    });
    println!("{tables}");
}
