//! The pure domain: no browser types below this module.

pub mod answers;
pub mod assessment;
pub mod catalogue;
pub mod export;
pub mod html;
pub mod report;
pub mod roadmap;
pub mod scoring;
pub mod storage;
pub mod wizard;

pub use answers::*;
pub use assessment::*;
pub use catalogue::*;
pub use report::*;
pub use roadmap::*;
pub use scoring::*;
pub use wizard::*;
