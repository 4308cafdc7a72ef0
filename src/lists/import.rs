//! Each of the three lists from an Excel file, as one undoable batch.
