//! The fast reader as a serde `Deserializer`, making the same calls on the
//! model's visitors that ron's deserializer makes for the same text. Each
//! value may have whitespace and comments before it, as in ron.

use serde::de::{self, DeserializeSeed, Visitor};

use super::{GiveUp, Read, Reader, Text};

macro_rules! unsigned {
    ($($method:ident $visit:ident $ty:ty),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
            self.ws()?;
            let n = <$ty>::try_from(self.unsigned()?).map_err(|_| GiveUp)?;
            visitor.$visit(n)
        }
    )*};
}

macro_rules! give_up {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Read<V::Value> {
            Err(GiveUp)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    unsigned! {
        deserialize_u8 visit_u8 u8,
        deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32,
        deserialize_u64 visit_u64 u64,
    }

    // Nothing in a plan is read as any value, a signed or floating-point
    // number, a char, bytes or a unit; ron reads them.
    give_up! {
        deserialize_any, deserialize_ignored_any,
        deserialize_i8, deserialize_i16, deserialize_i32, deserialize_i64,
        deserialize_f32, deserialize_f64, deserialize_char,
        deserialize_bytes, deserialize_byte_buf, deserialize_unit,
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.ws()?;
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.ws()?;
        match self.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.ws()?;
        visitor.visit_borrowed_str(self.ident()?)
    }

    /// `None`, or `Some(…)` with an optional trailing comma.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.ws()?;
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.ws()?;
                self.expect(b'(')?;
                let value = visitor.visit_some(&mut *self)?;
                self.comma()?;
                self.expect(b')')?;
                Ok(value)
            }
            _ => Err(GiveUp),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.ws()?;
        self.expect(b'[')?;
        let value = visitor.visit_seq(Items::new(self, b']'))?;
        self.ws()?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.ws()?;
        self.expect(b'{')?;
        let value = visitor.visit_map(Items::new(self, b'}'))?;
        self.ws()?;
        self.expect(b'}')?;
        Ok(value)
    }

    /// `(…)`, or with the struct's own name before it: `Plan(…)`.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Read<V::Value> {
        self.ws()?;
        if self.peek() != Some(b'(') && self.ident()? != name {
            return Err(GiveUp);
        }
        self.fields(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Read<V::Value> {
        visitor.visit_enum(self)
    }
}

impl<'de> Reader<'de> {
    /// `(name: value, …)` read into `visitor` as a map.
    fn fields<V: Visitor<'de>>(&mut self, visitor: V) -> Read<V::Value> {
        self.ws()?;
        self.expect(b'(')?;
        let value = visitor.visit_map(Items::new(self, b')'))?;
        self.ws()?;
        self.expect(b')')?;
        Ok(value)
    }
}

/// The elements of a list, or the entries of a map or struct, separated by
/// commas, with an optional comma after the last one.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    end: u8,
    had_comma: bool,
}

impl<'a, 'de> Items<'a, 'de> {
    fn new(reader: &'a mut Reader<'de>, end: u8) -> Self {
        Items {
            reader,
            end,
            had_comma: true,
        }
    }

    /// Whether another item follows; without a comma before it, none may.
    fn more(&mut self) -> Read<bool> {
        self.reader.ws()?;
        let at_end = self.reader.peek() == Some(self.end);
        match (self.had_comma, at_end) {
            (true, at_end) => Ok(!at_end),
            (false, true) => Ok(false),
            (false, false) => Err(GiveUp),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Read<Option<T::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = GiveUp;

    /// A struct's field name (through `deserialize_identifier`) or a map's key.
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Read<Option<K::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Read<V::Value> {
        self.reader.ws()?;
        self.reader.expect(b':')?;
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma()?;
        Ok(value)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Read<(V::Value, Self)> {
        let variant = seed.deserialize(&mut *self)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    /// A bare name: `Done`.
    fn unit_variant(self) -> Read<()> {
        Ok(())
    }

    /// `Project((…))`, with an optional comma after the value.
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Read<T::Value> {
        self.ws()?;
        self.expect(b'(')?;
        let value = seed.deserialize(&mut *self)?;
        self.comma()?;
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    /// `Text(id: …, …)`: fields without a struct name.
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Read<V::Value> {
        self.fields(visitor)
    }
}
