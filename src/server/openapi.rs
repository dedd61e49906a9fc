//! The OpenAPI 3 document of the API, built from one table of endpoints
//! and their parameters so that it cannot drift from what the handlers
//! take (a test compares the two).

use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::{
    ArrayBuilder, Components, ComponentsBuilder, Content, InfoBuilder, ObjectBuilder,
    OpenApiBuilder, PathsBuilder, Ref, RefOr, Required, Response, ResponseBuilder, Schema, Type,
};
use utoipa::ToSchema;

/// A parameter: name, type, repeatable, description.
type Param = (&'static str, Type, bool, &'static str);

const FILTERS: [Param; 5] = [
    (
        "since",
        Type::String,
        false,
        "only articles dated on or after this day (2024, 2024-03, 2024-03-15)",
    ),
    (
        "until",
        Type::String,
        false,
        "only articles dated on or before this day",
    ),
    (
        "source",
        Type::String,
        true,
        "only articles from this source (exact name; any of them)",
    ),
    (
        "entity",
        Type::String,
        true,
        "only articles naming this entity: an id, type/id, or a name (all of them)",
    ),
    (
        "include_undated",
        Type::Boolean,
        false,
        "with since/until, keep undated articles too",
    ),
];

const Q: Param = (
    "q",
    Type::String,
    false,
    "the query (query language of the README); * or none: every article",
);
const ANY: Param = ("any", Type::Boolean, false, "any word may match (OR)");
const EXACT: Param = (
    "exact",
    Type::Boolean,
    false,
    "match word forms exactly: normalized, not stemmed",
);
const LIMIT: Param = ("limit", Type::Integer, false, "hits on the page");
const OFFSET: Param = (
    "offset",
    Type::Integer,
    false,
    "hits skipped before the page",
);
const FIELDS: Param = (
    "fields",
    Type::String,
    true,
    "hit fields to include, comma-separated",
);
const SORT: Param = (
    "sort",
    Type::String,
    false,
    "relevance, date (newest first) or date:asc",
);
const TYPE: Param = (
    "type",
    Type::String,
    false,
    "only entities of this type (person, org, place, event, ...)",
);
const TOP: Param = ("top", Type::Integer, false, "how many entities");
const SNIPPET: Param = (
    "snippet_chars",
    Type::Integer,
    false,
    "longest snippet, 20 to 2000 characters",
);

/// What an endpoint answers with: a schema of `components`.
enum Returns {
    One(&'static str),
    List(&'static str),
    /// JSON Lines, one of these per line, or CSV (`/api/export`).
    Lines(&'static str),
    /// A JSON object not described here (this document).
    Object,
}

/// One endpoint: path, POST too, summary, its parameters, filters too,
/// what it returns and whether `format=csv` gives CSV instead.
struct Endpoint {
    path: &'static str,
    post: bool,
    summary: &'static str,
    params: &'static [Param],
    filters: bool,
    returns: Returns,
    csv: bool,
}

const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        path: "/api/search",
        post: true,
        summary: "A ranked page of hits with snippets, as `fahras search --format json`",
        params: &[
            Q,
            LIMIT,
            OFFSET,
            SORT,
            ANY,
            EXACT,
            (
                "facets",
                Type::Integer,
                false,
                "add entity counts, this many per type",
            ),
            FIELDS,
            (
                "explain",
                Type::Boolean,
                false,
                "why each hit scored what it did",
            ),
            SNIPPET,
        ],
        returns: Returns::One("SearchDoc"),
        csv: false,
        filters: true,
    },
    Endpoint {
        path: "/api/articles/{id}",
        post: false,
        summary: "One stored article, as `fahras show --format json`",
        params: &[
            ("id", Type::String, false, "the article's id"),
            (
                "path",
                Type::String,
                false,
                "the file it came from, when two files use the id",
            ),
        ],
        returns: Returns::One("StoredArticle"),
        csv: false,
        filters: false,
    },
    Endpoint {
        path: "/api/similar/{id}",
        post: true,
        summary: "Articles most like this one (more like this)",
        params: &[
            ("id", Type::String, false, "the article's id"),
            LIMIT,
            OFFSET,
            FIELDS,
        ],
        returns: Returns::One("SearchDoc"),
        csv: false,
        filters: true,
    },
    Endpoint {
        path: "/api/facets",
        post: true,
        summary: "Entity counts over every matching article",
        params: &[Q, TYPE, TOP, ANY, EXACT],
        returns: Returns::One("FacetCounts"),
        csv: false,
        filters: true,
    },
    Endpoint {
        path: "/api/cooccur",
        post: true,
        summary: "Who appears with whom: the top entities and the articles naming each pair",
        params: &[Q, TYPE, TOP, ANY, EXACT],
        returns: Returns::One("CooccurResponse"),
        csv: false,
        filters: true,
    },
    Endpoint {
        path: "/api/timeline",
        post: true,
        summary: "Matching articles per day, week, month or year; one series per q",
        params: &[
            (
                "q",
                Type::String,
                true,
                "a query; repeat for one series each",
            ),
            (
                "interval",
                Type::String,
                false,
                "day, week, month (default) or year",
            ),
            (
                "normalize",
                Type::Boolean,
                false,
                "add each bucket's share of all dated articles",
            ),
            (
                "format",
                Type::String,
                false,
                "json (default) or csv (query,start,count,share, as `fahras timeline --format csv`)",
            ),
            ANY,
            EXACT,
        ],
        returns: Returns::One("TimelineResponse"),
        csv: true,
        filters: true,
    },
    Endpoint {
        path: "/api/export",
        post: true,
        summary: "Every hit, streamed as JSON Lines or CSV; X-Total-Count gives their number",
        params: &[
            Q,
            ("format", Type::String, false, "jsonl (default) or csv"),
            FIELDS,
            SORT,
            ANY,
            EXACT,
            SNIPPET,
        ],
        returns: Returns::Lines("Hit"),
        csv: true,
        filters: true,
    },
    Endpoint {
        path: "/api/analyze",
        post: true,
        summary: "What the Arabic analyzer makes of a text",
        params: &[
            ("text", Type::String, false, "the text"),
            ("no_stem", Type::Boolean, false, "leave out stemming"),
            (
                "no_stopwords",
                Type::Boolean,
                false,
                "leave out stopword removal",
            ),
        ],
        returns: Returns::List("TokenView"),
        csv: false,
        filters: false,
    },
    Endpoint {
        path: "/api/stats",
        post: false,
        summary: "What the index holds and how its last run went",
        params: &[],
        returns: Returns::One("Stats"),
        csv: false,
        filters: false,
    },
    Endpoint {
        path: "/api/health",
        post: false,
        summary: "`{\"status\":\"ok\",\"articles\":N}` while the index can be searched",
        params: &[],
        returns: Returns::One("Health"),
        csv: false,
        filters: false,
    },
    Endpoint {
        path: "/api/openapi.json",
        post: false,
        summary: "This document",
        params: &[],
        returns: Returns::Object,
        csv: false,
        filters: false,
    },
];

/// Every path the router serves, for the test that keeps the two in step.
pub fn paths() -> Vec<&'static str> {
    ENDPOINTS.iter().map(|e| e.path).collect()
}

fn parameter(path: &str, (name, kind, repeat, doc): &Param) -> utoipa::openapi::path::Parameter {
    let in_path = path.contains(&format!("{{{name}}}"));
    let one = ObjectBuilder::new().schema_type(kind.clone());
    let schema: utoipa::openapi::Schema = if *repeat {
        utoipa::openapi::ArrayBuilder::new().items(one).into()
    } else {
        one.into()
    };
    ParameterBuilder::new()
        .name(*name)
        .parameter_in(if in_path {
            ParameterIn::Path
        } else {
            ParameterIn::Query
        })
        .required(if in_path {
            Required::True
        } else {
            Required::False
        })
        .description(Some(*doc))
        .schema(Some(schema))
        .build()
}

fn schema_ref(name: &str) -> RefOr<Schema> {
    Ref::from_schema_name(name).into()
}

fn json_response(description: &str, schema: RefOr<Schema>) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content("application/json", Content::new(Some(schema)))
        .build()
}

/// The 200 response of an endpoint.
fn ok(returns: &Returns, csv: bool) -> Response {
    let mut response = match returns {
        Returns::One(name) => json_response("the result", schema_ref(name)),
        Returns::List(name) => json_response(
            "the result",
            ArrayBuilder::new().items(schema_ref(name)).into(),
        ),
        Returns::Object => json_response(
            "the result",
            ObjectBuilder::new().schema_type(Type::Object).into(),
        ),
        Returns::Lines(name) => ResponseBuilder::new()
            .description("one JSON object per line (format=jsonl, the default)")
            .content("application/x-ndjson", Content::new(Some(schema_ref(name))))
            .build(),
    };
    if csv {
        let text: RefOr<Schema> = ObjectBuilder::new().schema_type(Type::String).into();
        response
            .content
            .insert("text/csv".into(), Content::new(Some(text)));
    }
    response
}

/// Adds `T` and every schema it refers to.
fn add<T: ToSchema>(all: &mut Vec<(String, RefOr<Schema>)>) {
    all.push((T::name().into_owned(), T::schema()));
    T::schemas(all);
}

/// The schemas the responses refer to, derived from the types the
/// handlers serialize, so that they cannot drift apart.
fn components() -> Components {
    use crate::search::{CooccurResponse, FacetCounts, Hit, StoredArticle, TimelineResponse};
    let mut all = Vec::new();
    add::<super::routes::SearchDoc<'static>>(&mut all);
    add::<StoredArticle>(&mut all);
    add::<FacetCounts>(&mut all);
    add::<CooccurResponse>(&mut all);
    add::<TimelineResponse>(&mut all);
    add::<Hit>(&mut all);
    add::<crate::analysis::TokenView<'static>>(&mut all);
    add::<crate::index::stats::Stats>(&mut all);
    add::<super::routes::Health>(&mut all);
    add::<super::error::ErrorBody<'static>>(&mut all);
    ComponentsBuilder::new().schemas_from_iter(all).build()
}

/// The document, as JSON.
pub fn document() -> String {
    let mut paths = PathsBuilder::new();
    for e in ENDPOINTS {
        let params: Vec<_> = e
            .params
            .iter()
            .chain(if e.filters { &FILTERS[..] } else { &[] })
            .map(|p| parameter(e.path, p))
            .collect();
        let operation = |post: bool| {
            let error = |why: &str| json_response(why, schema_ref("ErrorBody"));
            let mut op = OperationBuilder::new()
                .summary(Some(e.summary))
                .parameters(Some(params.clone()))
                .response("200", ok(&e.returns, e.csv))
                .response("400", error("a bad query or parameter"))
                .response(
                    "503",
                    error("overloaded (see Retry-After), or the index cannot be read now"),
                );
            if e.path.contains('{') {
                op = op.response("404", error("no article with this id"));
            }
            if post {
                op = op.request_body(Some(
                    RequestBodyBuilder::new()
                        .description(Some(
                            "the same parameters as a JSON object; a repeatable one as a list",
                        ))
                        .content(
                            "application/json",
                            Content::new(Some(ObjectBuilder::new().schema_type(Type::Object))),
                        )
                        .build(),
                ));
            }
            op.build()
        };
        paths = paths.path(e.path, PathItem::new(HttpMethod::Get, operation(false)));
        if e.post {
            paths = paths.path(e.path, PathItem::new(HttpMethod::Post, operation(true)));
        }
    }
    let doc = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("fahras")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "Read-only search of an archive of Arabic news articles.",
                ))
                .build(),
        )
        .paths(paths.build())
        .components(Some(components()))
        .build();
    doc.to_json().unwrap_or_else(|_| "{}".into())
}
