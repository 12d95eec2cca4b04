// Length limits of the donate form, shared by the schema and the browser form (without zod).
export const DISPLAY_NAME_MAX = 60;
export const MESSAGE_MAX = 500;
