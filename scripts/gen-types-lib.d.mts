// Types for gen-types-lib.mjs, so TypeScript tests can import it.
export declare const ROOT: string;
export declare const GENERATED_DIR: string;
export declare function typeName(stream: string): string;
export declare function generateAll(root?: string): Promise<Map<string, string>>;
