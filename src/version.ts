// The tool's name and version, as results, snapshots and reports record them.
export const TOOL_NAME = "erguard";
export const VERSION = "0.1.0";
export const INFORMATION_URI = "https://github.com/erguard/erguard";
export const TOOL = `${TOOL_NAME} ${VERSION}`;
