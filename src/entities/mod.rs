//! Named entities: the [`gazetteer`] of people, organisations, places and
//! events, and the [`matcher`] that finds them in articles. Indexing stores
//! each article's entities as facets (`/person/lloyd-austin`); searching
//! resolves names typed by users with [`resolve`].

pub mod gazetteer;
pub mod judge;
pub mod matcher;
pub mod resolve;

pub use gazetteer::{Entity, Gazetteer, GazetteerError};
pub use judge::Refusal;
pub use matcher::{Blocked, Matcher, Mention};
pub use resolve::ResolveError;
