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
    name: { lv: 'Klātienē', en: 'In person' },
    kind: 'in_person',
    servicesRequested: true,
  },
  e_services_portal: {
    id: 'e_services_portal',
    name: { lv: 'E-pakalpojumu portāls e.atd.lv', en: 'E-services portal e.atd.lv' },
    kind: 'digital',
    servicesRequested: true,
  },
  latvija_lv: {
    id: 'latvija_lv',
    name: { lv: 'Valsts portāls latvija.lv', en: 'State portal latvija.lv' },
    kind: 'digital',
    servicesRequested: true,
  },
  post: { id: 'post', name: { lv: 'Pa pastu', en: 'By post' }, kind: 'paper', servicesRequested: true },
  email: { id: 'email', name: { lv: 'E-pasts', en: 'E-mail' }, kind: 'digital', servicesRequested: false },
  email_esignature: {
    id: 'email_esignature',
    name: { lv: 'E-pasts ar drošu e-parakstu', en: 'E-mail with a secure e-signature' },
    kind: 'digital',
    servicesRequested: true,
  },
  e_address: {
    id: 'e_address',
    name: { lv: 'Oficiālā e-adrese', en: 'Official e-address' },
    kind: 'digital',
    servicesRequested: true,
  },
  phone: { id: 'phone', name: { lv: 'Tālrunis', en: 'Phone' }, kind: 'voice', servicesRequested: false },
  facebook: { id: 'facebook', name: { lv: 'Facebook', en: 'Facebook' }, kind: 'social', servicesRequested: false },
  x_twitter: {
    id: 'x_twitter',
    name: { lv: 'X (Twitter)', en: 'X (Twitter)' },
    kind: 'social',
    servicesRequested: false,
  },
};
