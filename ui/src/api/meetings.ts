// 会议筹备: typed calls of src-tauri/src/commands/meetings.rs.
export {}
