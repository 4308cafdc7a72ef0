//! A record kind's fields, declared once: [`record_fields!`] makes, from one list in the
//! order of the TypeScript types, the record (as read) and its input (as typed), the read of
//! the record from its row by column name, the input's default, and for each plain text field
//! (`text`) its column as written by the insert and the update, its cleaning and the import
//! field that fills it. [`field_enum!`] makes an import's field type (its labels, its
//! synonyms, every field in the wizard's order) from the same list.
//!
//! A kind's declaration is a `macro_rules!` holding its list, which hands it to both macros
//! (`donations::donation_fields!`, `lists::kinds::need::need_fields!`), so adding a plain text
//! field is one line there (and a migration adding its column).
//!
//! The entries, each ending in `;`, doc comments first:
//! - `record f: T;` — in the record only, read from the column `f`; `record f: T = expr;` read
//!   as `expr` (over the row named by the list's `read(r)`, which starts it);
//! - `input f: T;` — in the input only, empty by default; `input f: T = expr;` its default;
//! - `both f: T;` — in both (the same docs), read from its column;
//! - `text f => clean;` — a `String` in both (docs on the record's), its column written and
//!   read back, `clean` applied as it is saved; `text f => clean, Field;` also filled by an
//!   import from the column of `Field`, and `text f => clean, Field = "标签" ["同义词", …];`
//!   declares that import field too (its label is a header of it, as are the words);
//!   `text f => clean, Field ["词", …];` fills it from a field declared elsewhere (shared by
//!   several kinds) and gives this kind's own header words for it;
//! - `column Field = "标签" ["同义词", …];` — an import field only (read by the kind's own code);
//! - `words Field ["词", …];` — this kind's own header words for an import field declared
//!   elsewhere (the kind's `SYNONYMS`, on its input, looked up before the shared words).

/// Makes a record, its input and what their plain text fields share; see the module.
macro_rules! record_fields {
    (
        read($r:ident), import($field:ident);
        $(#[$rm:meta])* pub struct $record:ident;
        $(#[$im:meta])* pub struct $input:ident;
        $($entries:tt)*
    ) => {
        $crate::db::fields::record_fields!(@munch
            [$(#[$rm])* $record] [$(#[$im])* $input] [$r] [$field]
            rec[] inp[] read[] def[] text[]
            $($entries)*);
    };
    (@munch $rh:tt $ih:tt [$r:ident] $fh:tt rec[$($rec:tt)*] inp[$($inp:tt)*] read[$($read:tt)*]
        def[$($def:tt)*] text[$($text:tt)*]
        $(#[$m:meta])* record $f:ident : $t:ty ; $($rest:tt)*) => {
        $crate::db::fields::record_fields!(@munch $rh $ih [$r] $fh
            rec[$($rec)* $(#[$m])* pub $f: $t,] inp[$($inp)*]
            read[$($read)* $f: $r.get(stringify!($f))?,] def[$($def)*] text[$($text)*]
            $($rest)*);
    };
    (@munch $rh:tt $ih:tt [$r:ident] $fh:tt rec[$($rec:tt)*] inp[$($inp:tt)*] read[$($read:tt)*]
        def[$($def:tt)*] text[$($text:tt)*]
        $(#[$m:meta])* record $f:ident : $t:ty = $e:expr ; $($rest:tt)*) => {
        $crate::db::fields::record_fields!(@munch $rh $ih [$r] $fh
            rec[$($rec)* $(#[$m])* pub $f: $t,] inp[$($inp)*]
            read[$($read)* $f: $e,] def[$($def)*] text[$($text)*]
            $($rest)*);
    };
    (@munch $rh:tt $ih:tt $rv:tt $fh:tt rec[$($rec:tt)*] inp[$($inp:tt)*] read[$($read:tt)*]
        def[$($def:tt)*] text[$($text:tt)*]
        $(#[$m:meta])* input $f:ident : $t:ty ; $($rest:tt)*) => {
        $crate::db::fields::record_fields!(@munch $rh $ih $rv $fh
            rec[$($rec)*] inp[$($inp)* $(#[$m])* pub $f: $t,]
            read[$($read)*] def[$($def)* $f: Default::default(),] text[$($text)*]
            $($rest)*);
    };
    (@munch $rh:tt $ih:tt $rv:tt $fh:tt rec[$($rec:tt)*] inp[$($inp:tt)*] read[$($read:tt)*]
        def[$($def:tt)*] text[$($text:tt)*]
        $(#[$m:meta])* input $f:ident : $t:ty = $d:expr ; $($rest:tt)*) => {
        $crate::db::fields::record_fields!(@munch $rh $ih $rv $fh
            rec[$($rec)*] inp[$($inp)* $(#[$m])* pub $f: $t,]
            read[$($read)*] def[$($def)* $f: $d,] text[$($text)*]
            $($rest)*);
    };
    (@munch $rh:tt $ih:tt [$r:ident] $fh:tt rec[$($rec:tt)*] inp[$($inp:tt)*] read[$($read:tt)*]
        def[$($def:tt)*] text[$($text:tt)*]
        $(#[$m:meta])* both $f:ident : $t:ty ; $($rest:tt)*) => {
        $crate::db::fields::record_fields!(@munch $rh $ih [$r] $fh
            rec[$($rec)* $(#[$m])* pub $f: $t,] inp[$($inp)* $(#[$m])* pub $f: $t,]
            read[$($read)* $f: $r.get(stringify!($f))?,] def[$($def)* $f: Default::default(),]
            text[$($text)*]
            $($rest)*);
    };
    (@munch $rh:tt $ih:tt [$r:ident] $fh:tt rec[$($rec:tt)*] inp[$($inp:tt)*] read[$($read:tt)*]
        def[$($def:tt)*] text[$($text:tt)*]
        $(#[$m:meta])* text $f:ident => $clean:expr
            $(, $v:ident $(= $label:literal [$($syn:literal),* $(,)?])?)? ; $($rest:tt)*) => {
        $crate::db::fields::record_fields!(@munch $rh $ih [$r] $fh
            rec[$($rec)* $(#[$m])* pub $f: String,] inp[$($inp)* pub $f: String,]
            read[$($read)* $f: $r.get(stringify!($f))?,] def[$($def)* $f: String::new(),]
            text[$($text)* ($f, $clean, [$($v)?])]
            $($rest)*);
    };
    (@munch $rh:tt $ih:tt $rv:tt $fh:tt rec $rec:tt inp $inp:tt read $read:tt def $def:tt
        text $text:tt
        $(#[$m:meta])* text $f:ident => $clean:expr, $v:ident [$($w:literal),* $(,)?] ;
        $($rest:tt)*) => {
        $crate::db::fields::record_fields!(@munch $rh $ih $rv $fh
            rec $rec inp $inp read $read def $def text $text
            $(#[$m])* text $f => $clean, $v; words $v [$($w),*]; $($rest)*);
    };
    (@munch $rh:tt $ih:tt $rv:tt [$field:ident $($w:tt)*] rec $rec:tt inp $inp:tt
        read $read:tt def $def:tt text $text:tt
        words $v:ident [$($syn:literal),* $(,)?] ; $($rest:tt)*) => {
        $crate::db::fields::record_fields!(@munch $rh $ih $rv [$field $($w)* ($v [$($syn),*])]
            rec $rec inp $inp read $read def $def text $text $($rest)*);
    };
    (@munch $rh:tt $ih:tt $rv:tt $fh:tt rec $rec:tt inp $inp:tt read $read:tt def $def:tt
        text $text:tt
        $(#[$m:meta])* column $v:ident = $label:literal [$($syn:literal),* $(,)?] ;
        $($rest:tt)*) => {
        $crate::db::fields::record_fields!(@munch $rh $ih $rv $fh
            rec $rec inp $inp read $read def $def text $text $($rest)*);
    };
    (@munch [$(#[$rm:meta])* $record:ident] [$(#[$im:meta])* $input:ident] [$r:ident]
        [$field:ident $($words:tt)*] rec[$($rec:tt)*] inp[$($inp:tt)*] read[$($read:tt)*]
        def[$($def:tt)*] text[$(($tf:ident, $clean:expr, [$($tv:ident)?]))*]) => {
        $(#[$rm])*
        pub struct $record {
            $($rec)*
        }

        $(#[$im])*
        pub struct $input {
            $($inp)*
        }

        impl $record {
            /// The record from a row of its select, by column name (what the row does not
            /// hold is left empty, filled afterwards).
            pub(crate) fn read($r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
                Ok(Self { $($read)* })
            }
        }

        impl Default for $input {
            fn default() -> Self {
                Self { $($def)* }
            }
        }

        impl $input {
            /// The plain text fields' columns with their values, as the insert and the update
            /// write them.
            pub(crate) fn text_columns(&self) -> Vec<(&'static str, rusqlite::types::Value)> {
                vec![$((stringify!($tf), rusqlite::types::Value::Text(self.$tf.clone()))),*]
            }

            /// The plain text fields tidied as they are saved.
            pub(crate) fn clean_texts(&mut self) {
                $(self.$tf = ($clean)(&self.$tf);)*
            }

            /// The plain text fields an import reads, each from its field's column.
            pub(crate) fn import_texts(&mut self, text: impl Fn($field) -> String) {
                let _ = &text;
                $($(self.$tf = text($field::$tv);)?)*
            }
        }

        $crate::db::fields::record_fields!(@words $input $field $($words)*);
    };
    (@words $input:ident $field:ident) => {};
    (@words $input:ident $field:ident $(($v:ident [$($w:literal),*]))+) => {
        impl $input {
            /// The kind's own header words of its import fields (`words` entries and the
            /// words of `text` lines), the field's label and the shared words apart.
            pub(crate) const SYNONYMS: &'static [($field, &'static [&'static str])] =
                &[$(($field::$v, &[$($w),*])),*];
        }
    };
}
pub(crate) use record_fields;

/// Makes an import's field type from a kind's list (see the module): every `column` entry and
/// every `text` entry that declares its field, in the list's order, with its label, its
/// synonyms as one `(field, words)` table (the label first) and `ALL`, the wizard's order.
macro_rules! field_enum {
    (read($r:ident), import($f:ident); $(#[$em:meta])* pub enum $name:ident; $($entries:tt)*) => {
        $crate::db::fields::field_enum!(@munch [$(#[$em])* $name] v[] $($entries)*);
    };
    (@munch $h:tt v[$($v:tt)*] $(#[$m:meta])* column $f:ident = $label:literal
        [$($syn:literal),* $(,)?] ; $($rest:tt)*) => {
        $crate::db::fields::field_enum!(@munch $h v[$($v)* ([$(#[$m])*] $f $label [$($syn),*])]
            $($rest)*);
    };
    (@munch $h:tt v[$($v:tt)*] $(#[$m:meta])* text $tf:ident => $clean:expr, $f:ident
        = $label:literal [$($syn:literal),* $(,)?] ; $($rest:tt)*) => {
        $crate::db::fields::field_enum!(@munch $h v[$($v)* ([] $f $label [$($syn),*])]
            $($rest)*);
    };
    (@munch $h:tt v $v:tt $(#[$m:meta])* text $tf:ident => $clean:expr
        $(, $f:ident $([$($w:literal),* $(,)?])?)? ; $($rest:tt)*) => {
        $crate::db::fields::field_enum!(@munch $h v $v $($rest)*);
    };
    (@munch $h:tt v $v:tt words $f:ident [$($w:literal),* $(,)?] ; $($rest:tt)*) => {
        $crate::db::fields::field_enum!(@munch $h v $v $($rest)*);
    };
    (@munch $h:tt v $v:tt $(#[$m:meta])* $which:ident $f:ident : $t:ty $(= $e:expr)? ;
        $($rest:tt)*) => {
        $crate::db::fields::field_enum!(@munch $h v $v $($rest)*);
    };
    (@munch [$(#[$em:meta])* $name:ident]
        v[$(([$(#[$m:meta])*] $f:ident $label:literal [$($syn:literal),*]))*]) => {
        $(#[$em])*
        pub enum $name {
            $($(#[$m])* $f,)*
        }

        impl $name {
            /// Every field, in the order of the mapping list.
            pub const ALL: [$name; [$(stringify!($f)),*].len()] = [$($name::$f),*];

            /// The Chinese column name.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$f => $label,)*
                }
            }

            /// The header words of each field, its label first.
            pub(crate) const SYNONYMS: &'static [($name, &'static [&'static str])] =
                &[$(($name::$f, &[$label, $($syn),*])),*];
        }
    };
}
pub(crate) use field_enum;
