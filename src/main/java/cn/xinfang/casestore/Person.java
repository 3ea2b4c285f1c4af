package cn.xinfang.casestore;

/** The petitioner or one of the representatives of a group petition (Art. 20). */
public record Person(
    String name, String idNumber, String phone, String address, boolean representative) {}
