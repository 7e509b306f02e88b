// The engine's output: plain findings with offsets, so every front end (editor, CLI, simulator) maps them its own way.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextSpan {
  offset: number;
  length: number;
}

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: TextSpan;
  /** The property the finding is about, when it is about one (schema and domain rules; not syntax). */
  path?: JsonPath;
  tags?: ('deprecated' | 'unnecessary')[];
  fixes?: Fix[];
}

export type JsonPath = (string | number)[];
