// 共建协议: typed calls of src-tauri/src/commands/agreements.rs.
export {}
