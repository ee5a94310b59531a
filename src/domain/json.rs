//! A small JSON reader and writer for the saved format.
//!
//! The app used serde and serde_json for this; together with the derived code for every saved type they
//! were about 50 KB of the gzipped wasm, a seventh of the whole download. This module does the little the
//! saved format needs: it parses any JSON text into [`Node`]s that remember where they start (so an import
//! error names its line and column), reads the saved types from them through [`FromJson`] with
//! serde-like messages ("unknown field `colour`, expected one of `id`, ..."), and writes them through
//! [`ToJson`] in the same pretty layout serde_json used (two-space indent), so saved files did not change.

use std::collections::{BTreeMap, BTreeSet};

/// Where something starts in the text: 1-based line and column (in bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in bytes, from 1.
    pub column: usize,
}

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number that fits in an `i64`.
    Int(i64),
    /// Any other number, as written (the saved format has none; it is kept only to name it in errors).
    Number(String),
    /// A string.
    Str(String),
    /// An array.
    Array(Vec<Node>),
    /// An object, members in file order.
    Object(Vec<Member>),
}

/// A value and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Json,
    /// Where it starts.
    pub pos: Pos,
}

/// One member of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The key.
    pub key: String,
    /// Where the key starts.
    pub key_pos: Pos,
    /// The value.
    pub node: Node,
}

/// What is wrong with a text or a value, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong, in serde_json's words where it had some (no trailing full stop).
    pub message: String,
    /// Where.
    pub pos: Pos,
}

impl JsonError {
    fn new(message: impl Into<String>, pos: Pos) -> JsonError {
        JsonError { message: message.into(), pos }
    }
}

impl Node {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_object()?.iter().rev().find(|m| m.key == key).map(|m| &m.node)
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            Json::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The members of an object as key and value; none for anything else.
    pub fn entries(&self) -> impl Iterator<Item = (&String, &Node)> {
        self.as_object().unwrap_or_default().iter().map(|m| (&m.key, &m.node))
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        self.as_object().is_some()
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is a whole number of 0 or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self.value {
            Json::Int(n) => u64::try_from(n).ok(),
            _ => None,
        }
    }

    /// "invalid type: string \"x\", expected ..." at this value.
    pub fn invalid_type(&self, expected: &str) -> JsonError {
        let found = match &self.value {
            Json::Null => "null".to_string(),
            Json::Bool(b) => format!("boolean `{b}`"),
            Json::Int(n) => format!("integer `{n}`"),
            Json::Number(n) => format!("number `{n}`"),
            Json::Str(s) => format!("string \"{}\"", s.chars().take(40).collect::<String>()),
            Json::Array(_) => "sequence".to_string(),
            Json::Object(_) => "map".to_string(),
        };
        JsonError::new(format!("invalid type: {found}, expected {expected}"), self.pos)
    }

    /// Reads a `T` from this value.
    pub fn read<T: FromJson>(&self) -> Result<T, JsonError> {
        T::from_json(self)
    }
}

// --- reading text ------------------------------------------------------------------------------------

/// Deeper nesting than this is refused (the saved format nests five levels).
const MAX_DEPTH: usize = 128;

/// Parses a whole JSON text. Never panics; errors name the line and column where reading stopped.
pub fn parse(text: &str) -> Result<Node, JsonError> {
    let mut p = Parser { text: text.as_bytes(), src: text, at: 0, line: 1, line_start: 0 };
    let node = p.value(0)?;
    p.skip_space();
    if p.at < p.text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(node)
}

struct Parser<'a> {
    text: &'a [u8],
    src: &'a str,
    at: usize,
    line: usize,
    line_start: usize,
}

impl Parser<'_> {
    fn pos(&self) -> Pos {
        Pos { line: self.line, column: self.at - self.line_start + 1 }
    }

    fn error(&self, message: &str) -> JsonError {
        JsonError::new(message, self.pos())
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b'\n' => {
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                }
                b' ' | b'\t' | b'\r' => self.at += 1,
                _ => break,
            }
        }
    }

    /// Skips spaces, then expects `c`.
    fn expect(&mut self, c: u8, message: &str) -> Result<(), JsonError> {
        self.skip_space();
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else if self.peek().is_none() {
            Err(self.error("EOF while parsing a value"))
        } else {
            Err(self.error(message))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, JsonError> {
        self.skip_space();
        let pos = self.pos();
        if depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        let value = match self.peek() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b'{') => {
                self.at += 1;
                Json::Object(self.members(depth)?)
            }
            Some(b'[') => {
                self.at += 1;
                Json::Array(self.elements(depth)?)
            }
            Some(b'"') => Json::Str(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => {
                let rest = &self.text[self.at..];
                let (word, value) = if rest.starts_with(b"true") {
                    ("true", Json::Bool(true))
                } else if rest.starts_with(b"false") {
                    ("false", Json::Bool(false))
                } else if rest.starts_with(b"null") {
                    ("null", Json::Null)
                } else {
                    return Err(self.error("expected value"));
                };
                self.at += word.len();
                value
            }
        };
        Ok(Node { value, pos })
    }

    fn members(&mut self, depth: usize) -> Result<Vec<Member>, JsonError> {
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(members);
        }
        loop {
            self.skip_space();
            let key_pos = self.pos();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') if !members.is_empty() => return Err(self.error("trailing comma")),
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            let node = self.value(depth + 1)?;
            members.push(Member { key, key_pos, node });
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(members);
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn elements(&mut self, depth: usize) -> Result<Vec<Node>, JsonError> {
        let mut elements = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(elements);
        }
        loop {
            self.skip_space();
            if self.peek() == Some(b']') {
                return Err(self.error("trailing comma"));
            }
            elements.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(elements);
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        let mut run = self.at;
        loop {
            let Some(c) = self.peek() else { return Err(self.error("EOF while parsing a string")) };
            match c {
                b'"' => {
                    out.push_str(&self.src[run..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.src[run..self.at]);
                    self.at += 1;
                    let Some(e) = self.peek() else { return Err(self.error("EOF while parsing a string")) };
                    let escaped = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.at += 1;
                            self.unicode_escape()?
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    if e != b'u' {
                        self.at += 1;
                    }
                    out.push(escaped);
                    run = self.at;
                }
                0..=0x1f => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
                _ => self.at += 1,
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                None => return Err(self.error("EOF while parsing a string")),
                Some(_) => return Err(self.error("invalid escape")),
            };
            v = v * 16 + u32::from(d);
            self.at += 1;
        }
        Ok(v)
    }

    /// The character of a `\uXXXX` escape (the digits start at `at`), joining surrogate pairs.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.at..].starts_with(b"\\u") {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("unexpected end of hex escape")),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    /// A number: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let int_start = self.at;
        if !digits(self) {
            return Err(self.error("invalid number"));
        }
        if self.text[int_start] == b'0' && self.at - int_start > 1 {
            return Err(JsonError::new(
                "invalid number",
                Pos { line: self.line, column: int_start + 2 - self.line_start },
            ));
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            whole = false;
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            whole = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        let lexeme = &self.src[start..self.at];
        Ok(match lexeme.parse::<i64>() {
            Ok(n) if whole => Json::Int(n),
            _ => Json::Number(lexeme.to_string()),
        })
    }
}

// --- reading values ----------------------------------------------------------------------------------

/// A type read from a JSON value.
pub trait FromJson: Sized {
    /// Reads the value, or says what is wrong with it and where.
    fn from_json(node: &Node) -> Result<Self, JsonError>;
}

impl FromJson for String {
    fn from_json(node: &Node) -> Result<Self, JsonError> {
        node.as_str().map(str::to_string).ok_or_else(|| node.invalid_type("a string"))
    }
}

impl FromJson for bool {
    fn from_json(node: &Node) -> Result<Self, JsonError> {
        match node.value {
            Json::Bool(b) => Ok(b),
            _ => Err(node.invalid_type("a boolean")),
        }
    }
}

impl FromJson for u8 {
    fn from_json(node: &Node) -> Result<Self, JsonError> {
        match node.value {
            Json::Int(n) => u8::try_from(n)
                .map_err(|_| JsonError::new(format!("invalid value: integer `{n}`, expected u8"), node.pos)),
            _ => Err(node.invalid_type("u8")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(node: &Node) -> Result<Self, JsonError> {
        match node.value {
            Json::Null => Ok(None),
            _ => T::from_json(node).map(Some),
        }
    }
}

/// The elements of an array, or the error of a value that is not one.
pub fn elements(node: &Node) -> Result<&[Node], JsonError> {
    node.as_array().ok_or_else(|| node.invalid_type("a sequence"))
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(node: &Node) -> Result<Self, JsonError> {
        elements(node)?.iter().map(T::from_json).collect()
    }
}

impl<T: FromJson + Ord> FromJson for BTreeSet<T> {
    fn from_json(node: &Node) -> Result<Self, JsonError> {
        elements(node)?.iter().map(T::from_json).collect()
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(node: &Node) -> Result<Self, JsonError> {
        let members = node.as_object().ok_or_else(|| node.invalid_type("a map"))?;
        members.iter().map(|m| Ok((m.key.clone(), T::from_json(&m.node)?))).collect()
    }
}

/// Reads one of a fixed set of codes (the unit variants of an enum).
pub fn read_code<T: Copy>(node: &Node, codes: &[(&str, T)]) -> Result<T, JsonError> {
    let text = node.as_str().ok_or_else(|| node.invalid_type("a code"))?;
    codes.iter().find(|(c, _)| *c == text).map(|(_, v)| *v).ok_or_else(|| {
        let list: Vec<String> = codes.iter().map(|(c, _)| format!("`{c}`")).collect();
        JsonError::new(format!("unknown variant `{text}`, expected one of {}", list.join(", ")), node.pos)
    })
}

/// The members of an object whose keys must all be known; then read field by field.
pub struct Fields<'a> {
    members: &'a [Member],
    pos: Pos,
}

impl<'a> Fields<'a> {
    /// Checks that `node` is an object with only `known` keys, each at most once.
    pub fn of(node: &'a Node, known: &[&str]) -> Result<Fields<'a>, JsonError> {
        let members = node.as_object().ok_or_else(|| node.invalid_type("a map"))?;
        for (i, m) in members.iter().enumerate() {
            if !known.contains(&m.key.as_str()) {
                let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                return Err(JsonError::new(
                    format!("unknown field `{}`, expected one of {}", m.key, list.join(", ")),
                    m.key_pos,
                ));
            }
            if members[..i].iter().any(|x| x.key == m.key) {
                return Err(JsonError::new(format!("duplicate field `{}`", m.key), m.key_pos));
            }
        }
        Ok(Fields { members, pos: node.pos })
    }

    /// A field that may be missing.
    pub fn optional<T: FromJson>(&self, key: &str) -> Result<Option<T>, JsonError> {
        self.members.iter().find(|m| m.key == key).map(|m| T::from_json(&m.node)).transpose()
    }

    /// A field that may be missing, with its default then.
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, JsonError> {
        Ok(self.optional(key)?.unwrap_or_default())
    }

    /// A field that must be there.
    pub fn required<T: FromJson>(&self, key: &str) -> Result<T, JsonError> {
        self.optional(key)?.ok_or_else(|| JsonError::new(format!("missing field `{key}`"), self.pos))
    }
}

// --- writing -----------------------------------------------------------------------------------------

/// A type written as JSON.
pub trait ToJson {
    /// Writes the value at the writer's position.
    fn write_json(&self, w: &mut Writer);
}

/// Writes pretty JSON in serde_json's layout: two-space indent, `"key": value`, `[]` and `{}` when empty.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// One entry per open array or object: whether it has an element yet.
    open: Vec<bool>,
}

impl Writer {
    /// A writer that appends to `out` (keeping its capacity).
    pub fn with_buffer(out: String) -> Writer {
        Writer { out, open: Vec::new() }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    /// Before an element of the innermost array (or a member of the innermost object).
    fn element(&mut self) {
        if let Some(has) = self.open.last_mut() {
            let first = !*has;
            *has = true;
            if !first {
                self.out.push(',');
            }
            self.newline();
        }
    }

    fn begin(&mut self, c: char) {
        self.out.push(c);
        self.open.push(false);
    }

    fn end(&mut self, c: char) {
        if self.open.pop() == Some(true) {
            self.newline();
        }
        self.out.push(c);
    }

    /// Starts an object; write its members with [`Writer::field`], then call [`Writer::end_object`].
    pub fn begin_object(&mut self) {
        self.begin('{');
    }

    /// Ends an object.
    pub fn end_object(&mut self) {
        self.end('}');
    }

    /// Writes one member of the current object.
    pub fn field(&mut self, key: &str, value: &dyn ToJson) {
        self.element();
        self.string(key);
        self.out.push_str(": ");
        value.write_json(self);
    }

    /// Writes an array of the given elements.
    pub fn array<'a, T: ToJson + 'a>(&mut self, items: impl Iterator<Item = &'a T>) {
        self.begin('[');
        for item in items {
            self.element();
            item.write_json(self);
        }
        self.end(']');
    }

    /// Writes a string value, escaped as JSON requires.
    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(HEX[(c as usize) >> 4] as char);
                    self.out.push(HEX[(c as usize) & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// Writes a whole number.
    pub fn int(&mut self, n: u32) {
        self.out.push_str(&n.to_string());
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for &str {
    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut Writer) {
        w.out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u8 {
    fn write_json(&self, w: &mut Writer) {
        w.int(u32::from(*self));
    }
}

impl ToJson for u32 {
    fn write_json(&self, w: &mut Writer) {
        w.int(*self);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut Writer) {
        w.array(self.iter());
    }
}

impl<T: ToJson> ToJson for BTreeSet<T> {
    fn write_json(&self, w: &mut Writer) {
        w.array(self.iter());
    }
}

impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        for (k, v) in self {
            w.field(k, v);
        }
        w.end_object();
    }
}

/// Writes `value` as pretty JSON text.
pub fn to_pretty(value: &dyn ToJson) -> String {
    let mut w = Writer::default();
    value.write_json(&mut w);
    w.finish()
}

/// Implements [`FromJson`] and [`ToJson`] for an enum of unit variants saved as codes.
#[macro_export]
macro_rules! json_codes {
    ($t:ty { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $t {
            /// The codes used in saved files.
            pub const CODES: &'static [(&'static str, $t)] = &[$(($code, <$t>::$variant)),+];
        }
        impl $crate::domain::json::FromJson for $t {
            fn from_json(node: &$crate::domain::json::Node) -> Result<Self, $crate::domain::json::JsonError> {
                $crate::domain::json::read_code(node, Self::CODES)
            }
        }
        impl $crate::domain::json::ToJson for $t {
            fn write_json(&self, w: &mut $crate::domain::json::Writer) {
                let code = Self::CODES.iter().find(|(_, v)| v == self).map_or("", |(c, _)| *c);
                w.string(code);
            }
        }
    };
}
