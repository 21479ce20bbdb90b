//! A scene turned into elements: the `Sink` contract and escaping (`markup`), SVG writing (`svg`), the
//! element tree and its diff (`tree`), and the colour themes (`theme`). Depends on `chart`.

pub mod markup;
pub mod svg;
pub mod theme;
pub mod tree;
