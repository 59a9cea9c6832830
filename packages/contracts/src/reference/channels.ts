/**
 * The channels through which customers reach ATD, as listed in the customer-service standard: where a service
 * is requested, where a complaint arrives, where a survey is answered.
 */
import { z } from 'zod';
export const CHANNEL_IDS = [
  'in_person',
  'e_services_portal',
  'latvija_lv',
  'post',
  'email',
  'email_esignature',
  'e_address',
  'phone',
  'facebook',
  'x_twitter',
] as const;
export const ChannelId = z.enum(CHANNEL_IDS);
export type ChannelId = z.infer<typeof ChannelId>;

export type ChannelKind = 'in_person' | 'digital' | 'paper' | 'voice' | 'social';

export interface ChannelInfo {
  id: ChannelId;
  name: { lv: string; en: string };
  kind: ChannelKind;
  /** Whether a service can be requested here (the others are for communication and feedback only). */
  servicesRequested: boolean;
}

export const Channels: Record<ChannelId, ChannelInfo> = {
  in_person: {
    id: 'in_person',
    name: { lv: 'klātienē', en: 'in person' },
    kind: 'in_person',
    servicesRequested: true,
  },
  e_services_portal: {
    id: 'e_services_portal',
    name: { lv: 'e-pakalpojumu portāls e.atd.lv', en: 'e-services portal e.atd.lv' },
    kind: 'digital',
    servicesRequested: true,
  },
  latvija_lv: {
    id: 'latvija_lv',
    name: { lv: 'valsts portāls latvija.lv', en: 'state portal latvija.lv' },
    kind: 'digital',
    servicesRequested: true,
  },
  post: { id: 'post', name: { lv: 'pa pastu', en: 'by post' }, kind: 'paper', servicesRequested: true },
  email: { id: 'email', name: { lv: 'e-pasts', en: 'e-mail' }, kind: 'digital', servicesRequested: false },
  email_esignature: {
    id: 'email_esignature',
    name: { lv: 'e-pasts ar drošu e-parakstu', en: 'e-mail with a secure e-signature' },
    kind: 'digital',
    servicesRequested: true,
  },
  e_address: {
    id: 'e_address',
    name: { lv: 'oficiālā e-adrese', en: 'official e-address' },
    kind: 'digital',
    servicesRequested: true,
  },
  phone: { id: 'phone', name: { lv: 'tālrunis', en: 'phone' }, kind: 'voice', servicesRequested: false },
  facebook: { id: 'facebook', name: { lv: 'Facebook', en: 'Facebook' }, kind: 'social', servicesRequested: false },
  x_twitter: {
    id: 'x_twitter',
    name: { lv: 'X (Twitter)', en: 'X (Twitter)' },
    kind: 'social',
    servicesRequested: false,
  },
};
