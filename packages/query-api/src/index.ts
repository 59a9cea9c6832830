export * from './answers.ts';
export * from './reference.ts';
export * from './today.ts';
export * from './complaints.ts';
export * from './insights.ts';
export * from './alerts.ts';
export * from './channels.ts';
export * from './requests.ts';
