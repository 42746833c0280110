// The free variables of the README's snippets: what the surrounding text says they are.
declare const campaignMessage: import("wabridge").Message;
declare const message: import("wabridge").Message;
declare const accessKey: string;
declare const workspaceId: string;
declare const channelId: string;
declare const token: string;
declare const instanceId: string;
